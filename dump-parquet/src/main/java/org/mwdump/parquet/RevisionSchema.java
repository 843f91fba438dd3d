package org.mwdump.parquet;

import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;

/**
 * The Parquet schema: one row per revision, columns named as in Wikimedia's
 * {@code wmf_content.mediawiki_content_history_v1}, plus what mwdump needs to give back exactly what
 * it read ({@code page_is_redirect}, {@code page_restrictions}, per-slot {@code content_location},
 * {@code content_text_id}, {@code content_is_visible}, and the {@code mwdump} group).
 */
final class RevisionSchema {
    static final String WIKI_ID = "wiki_id";
    static final String PAGE_ID = "page_id";
    static final String PAGE_NAMESPACE_ID = "page_namespace_id";
    static final String PAGE_TITLE = "page_title";
    static final String PAGE_REDIRECT_TARGET = "page_redirect_target";
    static final String PAGE_IS_REDIRECT = "page_is_redirect";
    static final String PAGE_RESTRICTIONS = "page_restrictions";
    static final String USER_ID = "user_id";
    static final String USER_TEXT = "user_text";
    static final String USER_IS_VISIBLE = "user_is_visible";
    static final String REVISION_ID = "revision_id";
    static final String REVISION_PARENT_ID = "revision_parent_id";
    static final String REVISION_DT = "revision_dt";
    static final String REVISION_IS_MINOR_EDIT = "revision_is_minor_edit";
    static final String REVISION_COMMENT = "revision_comment";
    static final String REVISION_COMMENT_IS_VISIBLE = "revision_comment_is_visible";
    static final String REVISION_SHA1 = "revision_sha1";
    static final String REVISION_SIZE = "revision_size";
    static final String REVISION_CONTENT_IS_VISIBLE = "revision_content_is_visible";
    static final String REVISION_CONTENT_SLOTS = "revision_content_slots";
    static final String MWDUMP = "mwdump";

    static final String CONTENT_BODY = "content_body";
    static final String CONTENT_FORMAT = "content_format";
    static final String CONTENT_MODEL = "content_model";
    static final String CONTENT_SHA1 = "content_sha1";
    static final String CONTENT_SIZE = "content_size";
    static final String ORIGIN_REV_ID = "origin_rev_id";
    static final String CONTENT_LOCATION = "content_location";
    static final String CONTENT_TEXT_ID = "content_text_id";
    static final String CONTENT_IS_VISIBLE = "content_is_visible";

    static final String RAW_TIMESTAMP = "revision_timestamp";
    static final String USER_IS_IP = "user_is_ip";
    static final String USER_IP = "user_ip";

    /** Column path of the slot text, for per-column settings. */
    static final String CONTENT_BODY_PATH = REVISION_CONTENT_SLOTS + ".key_value.value." + CONTENT_BODY;
    static final String CONTENT_SHA1_PATH = REVISION_CONTENT_SLOTS + ".key_value.value." + CONTENT_SHA1;

    /** Key-value metadata: the site info as JSON. */
    static final String META_SITEINFO = "mwdump.siteinfo";
    /** Key-value metadata: the version of this layout. */
    static final String META_LAYOUT = "mwdump.layout";
    /** Key-value metadata: what the writer could not store, for example {@code uploads=1,log_items=1}. */
    static final String META_DROPPED = "mwdump.dropped";
    static final String LAYOUT_VERSION = "1";

    static final MessageType SCHEMA = MessageTypeParser.parseMessageType("""
            message mediawiki_content_history {
              optional binary wiki_id (STRING);
              optional int64 page_id;
              optional int32 page_namespace_id;
              optional binary page_title (STRING);
              optional binary page_redirect_target (STRING);
              required boolean page_is_redirect;
              required group page_restrictions (LIST) {
                repeated group list {
                  required binary element (STRING);
                }
              }
              optional int64 user_id;
              optional binary user_text (STRING);
              optional boolean user_is_visible;
              optional int64 revision_id;
              optional int64 revision_parent_id;
              optional int64 revision_dt (TIMESTAMP(MICROS,true));
              required boolean revision_is_minor_edit;
              optional binary revision_comment (STRING);
              optional boolean revision_comment_is_visible;
              optional binary revision_sha1 (STRING);
              optional int64 revision_size;
              optional boolean revision_content_is_visible;
              required group revision_content_slots (MAP) {
                repeated group key_value {
                  required binary key (STRING);
                  optional group value {
                    optional binary content_body (STRING);
                    optional binary content_format (STRING);
                    optional binary content_model (STRING);
                    optional binary content_sha1 (STRING);
                    optional int64 content_size;
                    optional int64 origin_rev_id;
                    optional binary content_location (STRING);
                    optional binary content_text_id (STRING);
                    optional boolean content_is_visible;
                  }
                }
              }
              optional group mwdump {
                optional binary revision_timestamp (STRING);
                optional boolean user_is_ip;
                optional binary user_ip (STRING);
              }
            }
            """);

    private RevisionSchema() {
    }
}
