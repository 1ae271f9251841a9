/** A Blogger export of `count` posts (each with labels, a quotation and two comments), for the throughput run. */
export function bloggerExport(count: number): string {
  const escape = (html: string) =>
    html.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
  const authors = ['Maya Okafor', 'Tom Baker', 'Grace Lin', 'Alice Rahman', 'Jon Ode']
  const sources = ['Reuters', 'the Guardian', 'Associated Press', 'the BBC', 'Jane Doe']
  const entries: string[] = []
  for (let i = 1; i <= count; i++) {
    const day = new Date(Date.UTC(2015, 0, 1) + i * 36e5 * 7).toISOString()
    const html = `<p>Post number ${i} looks at the city's transport, street by street.</p>
<h2>Section ${i}</h2>
<p>“Ridership on line ${i % 9} rose by ${i % 40} percent this year,” according to ${sources[i % sources.length]}.</p>
<p>Residents were divided. <a href="https://example.org/${i}">Read the survey</a>, which asked <b>${i * 3}</b> people.</p>
<ul><li>Stop ${i}</li><li>Stop ${i + 1}</li></ul>`
    entries.push(`<entry><id>tag:blogger.com,1999:blog-1.post-${i}</id><published>${day}</published>
<category scheme='http://schemas.google.com/g/2005#kind' term='http://schemas.google.com/blogger/2008/kind#post'/>
<category scheme='http://www.blogger.com/atom/ns#' term='topic ${i % 25}'/>
<title type='text'>${i % 10 === 0 ? 'Weekly roundup' : `Notes on street ${i}`}</title>
<content type='html'>${escape(html)}</content>
<link rel='alternate' type='text/html' href='https://bench.blogspot.com/post-${i}.html'/>
<author><name>${authors[i % authors.length]}</name></author></entry>`)
    for (const n of [1, 2]) {
      entries.push(`<entry><id>tag:blogger.com,1999:blog-1.post-${1_000_000 + i * 10 + n}</id><published>${day}</published>
<category scheme='http://schemas.google.com/g/2005#kind' term='http://schemas.google.com/blogger/2008/kind#comment'/>
<content type='html'>Comment ${n} on post ${i}.</content><author><name>Reader ${(i + n) % 50}</name></author>
<thr:in-reply-to ref='tag:blogger.com,1999:blog-1.post-${i}'/></entry>`)
    }
  }
  return `<?xml version='1.0' encoding='UTF-8'?>
<feed xmlns='http://www.w3.org/2005/Atom' xmlns:thr='http://purl.org/syndication/thread/1.0'>
<id>tag:blogger.com,1999:blog-1</id><title type='text'>Bench</title>
${entries.join('\n')}
</feed>`
}
