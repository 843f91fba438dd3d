package org.mwdump.write.layout;

/**
 * The names Wikimedia gives the parts of a dump split by page id, and their indexes:
 * {@code enwiki-20240601-pages-meta-history1.xml-p1p812.bz2},
 * {@code enwiki-20240601-pages-articles-multistream1.xml-p1p41242.bz2} with
 * {@code enwiki-20240601-pages-articles-multistream-index1.txt-p1p41242.bz2}.
 */
public final class PartNames {
    private PartNames() {
    }

    /**
     * The name of a part.
     *
     * @param stem      the name's start: {@code enwiki-20240601-pages-meta-history}, or
     *                  {@code …-pages-articles-multistream} for a multistream part
     * @param number    the part's number, from 1 in page id order
     * @param extension {@code .xml}, or {@code .jsonl} for RevDoc
     * @param firstPage the id of the part's first page
     * @param lastPage  the id of its last page
     * @param suffix    the compression's: {@code .bz2}, {@code .gz}, {@code .zst} or empty
     * @return {@code <stem><number><extension>-p<first>p<last><suffix>}
     */
    public static String part(String stem, int number, String extension, long firstPage, long lastPage, String suffix) {
        return stem + number + extension + "-p" + firstPage + "p" + lastPage + suffix;
    }

    /**
     * The name of a part's index.
     *
     * @param stem      the part's stem (see {@link #part})
     * @param number    the part's number
     * @param firstPage the id of the part's first page
     * @param lastPage  the id of its last page
     * @param suffix    the index's compression: {@code .bz2} (multistream) or {@code .zst} (seekable zstd)
     * @return {@code <stem>-index<number>.txt-p<first>p<last><suffix>}
     */
    public static String index(String stem, int number, long firstPage, long lastPage, String suffix) {
        return stem + "-index" + number + ".txt-p" + firstPage + "p" + lastPage + suffix;
    }
}
