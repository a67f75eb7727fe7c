// Content pages: contact, blog index, blog post.
import { POSTS } from './catalog.mjs'
import { esc } from './layout.mjs'
import { paths } from './routes.mjs'
import { WORDS } from './words.mjs'

const gtm = (postType, postType2) => ({
  visitorLoginState: 'logged-out',
  pagePostType: postType,
  pagePostType2: postType2,
})

export function contact({ lang }) {
  const w = WORDS[lang]
  return {
    title: w.contactTitle,
    bodyClass: 'page-template-default page page-id-11',
    gtm: gtm('page', 'single-page'),
    crumbs: [[w.contactTitle]],
    main: `<article class="page type-page"><header class="entry-header"><h1 class="entry-title">${w.contactTitle}</h1></header><div class="entry-content">
<p>${w.contactText}</p><p>Zalo / ☎ 0912 345 678 · hello@maylinen.example</p>
<div class="wpcf7"><form action="${paths(lang).contact}" method="post" class="wpcf7-form">
<p><label>${w.name}<br><input type="text" name="your-name" class="wpcf7-form-control wpcf7-text" size="40"></label></p>
<p><label>${w.email}<br><input type="email" name="your-email" class="wpcf7-form-control wpcf7-email" size="40"></label></p>
<p><label>${w.message}<br><textarea name="your-message" class="wpcf7-form-control wpcf7-textarea" cols="40" rows="5"></textarea></label></p>
<p><input type="submit" value="${w.send}" class="wpcf7-form-control wpcf7-submit"></p></form></div></div></article>`,
  }
}

export function blog({ lang }) {
  const w = WORDS[lang]
  return {
    title: w.blog,
    bodyClass: 'blog',
    gtm: gtm('post', 'blog-post'),
    crumbs: [[w.blog]],
    main: POSTS.map(
      (p) =>
        `<article class="post type-post status-publish format-standard hentry"><header class="entry-header"><h2 class="alpha entry-title"><a href="${paths(lang).post(p.slug[lang])}" rel="bookmark">${esc(p.title[lang])}</a></h2><span class="posted-on"><time class="entry-date published" datetime="${p.date}">${p.date}</time></span></header><div class="entry-content"><p>${esc(p.body[lang][0])}</p><p><a class="more-link" href="${paths(lang).post(p.slug[lang])}">${w.readMore}</a></p></div></article>`,
    ).join('\n'),
  }
}

export function post({ lang, item: p }) {
  return {
    title: p.title[lang],
    bodyClass: `post-template-default single single-post postid-${POSTS.indexOf(p) + 101} single-format-standard`,
    gtm: gtm('post', 'single-post'),
    crumbs: [[WORDS[lang].blog, paths(lang).blog], [p.title[lang]]],
    main: `<article class="post type-post status-publish format-standard hentry"><header class="entry-header"><h1 class="entry-title">${esc(p.title[lang])}</h1><span class="posted-on"><time class="entry-date published" datetime="${p.date}">${p.date}</time></span></header><div class="entry-content">${p.body[lang].map((t) => `<p>${esc(t)}</p>`).join('')}</div></article>`,
  }
}
