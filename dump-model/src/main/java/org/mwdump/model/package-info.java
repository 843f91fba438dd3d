/**
 * The page and revision model every format reads into and writes from: immutable records that cover
 * every element and attribute of MediaWiki's export schema 0.11.
 *
 * <p>Start with {@link org.mwdump.model.Revision}: it knows its {@link org.mwdump.model.Page} (one object
 * shared by all revisions of a page), its {@link org.mwdump.model.Contributor},
 * {@link org.mwdump.model.Comment} and {@link org.mwdump.model.Slot}s, each with its
 * {@link org.mwdump.model.Text}. {@link org.mwdump.model.Upload} is the other
 * {@link org.mwdump.model.PageEntry} a page can hold; {@link org.mwdump.model.LogItem} an entry of a
 * logging dump; {@link org.mwdump.model.SiteInfo} with its {@link org.mwdump.model.Namespace}s what a
 * dump says about its wiki.
 *
 * <p>Values a dump can lack are {@code null}, never invented; missing, empty and deleted stay distinct.
 * {@code bytes} and {@code sha1} are kept as read; {@link org.mwdump.model.Sha1Base36} computes
 * MediaWiki's hashes when asked. {@link org.mwdump.model.Titles} normalizes titles as MediaWiki does,
 * {@link org.mwdump.model.Timestamps} parses and formats its timestamps.
 */
package org.mwdump.model;
