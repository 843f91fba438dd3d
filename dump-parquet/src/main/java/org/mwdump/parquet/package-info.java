/**
 * Apache Parquet for MediaWiki dumps: {@link org.mwdump.parquet.ParquetDumpWriter} and
 * {@link org.mwdump.parquet.ParquetDumpReader}, plugged into {@link org.mwdump.Dumps} through
 * {@link java.util.ServiceLoader}, so {@code Dumps.create(path, DumpFormat.PARQUET)} and
 * {@code Dumps.open(path)} handle Parquet whenever this jar is on the class path.
 *
 * <h2>Layout</h2>
 * One row per revision. Columns named and typed as Wikimedia's
 * {@code wmf_content.mediawiki_content_history_v1}:
 * <pre>
 * wiki_id string (site info dbname)        page_id int64, page_namespace_id int32, page_title string,
 * page_redirect_target string (null if none)
 * user_id int64, user_text string (user name, else IP), user_is_visible boolean
 * revision_id int64, revision_parent_id int64, revision_dt TIMESTAMP(MICROS, UTC), revision_is_minor_edit boolean,
 * revision_comment string, revision_comment_is_visible boolean, revision_sha1 string,
 * revision_size int64 (sum of the slots' bytes), revision_content_is_visible boolean (main slot)
 * revision_content_slots map&lt;role, struct&lt;content_body, content_format, content_model, content_sha1,
 *     content_size int64, origin_rev_id int64, content_location, content_text_id, content_is_visible&gt;&gt;
 * </pre>
 * plus what mwdump needs to give back exactly what it read: {@code page_is_redirect} (a redirect
 * element without a title), {@code page_restrictions} list&lt;string&gt;, the per-slot
 * {@code content_location}, {@code content_text_id} and {@code content_is_visible}, and an optional
 * group {@code mwdump} with {@code revision_timestamp} (the timestamp as written, only when it is not
 * {@code YYYY-MM-DDTHH:MM:SSZ}, for example the compact or a fractional form, or unparseable),
 * {@code user_is_ip} (the user text came from {@code <ip>}) and {@code user_ip} (an {@code <ip>}
 * beside a {@code <username>}).
 *
 * <p>Absent, empty and deleted stay apart: a null {@code *_is_visible} means the element was absent
 * (no contributor, no comment, no {@code <text>} in that slot); {@code content_body} is null when the
 * text element had no body and {@code ""} when it was empty; {@code revision_sha1} {@code ""} is
 * {@code <sha1/>}. {@code bytes} and {@code sha1} are stored as read, never recomputed.
 *
 * <p>Site info (root version and language, sitename, dbname, base, generator, case, namespaces with
 * their case) is JSON under the footer key {@code mwdump.siteinfo}; {@code mwdump.layout} is
 * {@code 1}.
 *
 * <h2>Not kept</h2>
 * Uploads, log items and pages without revisions have no row; the writer counts them and records
 * the counts under {@code mwdump.dropped}. Consecutive pages with identical fields read back as one
 * page. A {@code <content>} without {@code <role>} is stored under the key {@code ""} and reads back
 * without a role (as would an empty role).
 *
 * <h2>Dependencies</h2>
 * parquet-hadoop, without a Hadoop {@code Configuration}: page compression is done by this package
 * (zstd-jni, snappy-java, aircompressor, JDK gzip). Writing loads no Hadoop class; reading needs the
 * {@code hadoop-common} and {@code hadoop-mapreduce-client-core} jars on the class path (Parquet's
 * reader links against a few of their classes), but none of their dependencies. No Hadoop type
 * appears in this package's API.
 *
 * <h2>Modules</h2>
 * This jar is the automatic module {@code org.mwdump.parquet}, and belongs on the class path: Parquet's
 * jars split packages among themselves, so they cannot be modules. With mwdump's other modules on the
 * module path, {@link org.mwdump.Dumps} still finds this reader and writer on the class path.
 */
package org.mwdump.parquet;
