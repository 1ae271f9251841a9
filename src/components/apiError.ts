/** The message of a failed Payload API answer (`errors[0].message`), or its status when it has none. */
export async function apiErrorOf(res: Response): Promise<string> {
  const body = (await res.json().catch(() => null)) as { errors?: { message: string }[] } | null
  return body?.errors?.[0]?.message ?? `The server answered ${res.status}.`
}
