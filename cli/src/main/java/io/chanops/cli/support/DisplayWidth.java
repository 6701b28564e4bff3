package io.chanops.cli.support;

/** Terminal column width of text: CJK and full-width characters take two columns. */
public final class DisplayWidth {
    private DisplayWidth() {}

    public static int of(String s) {
        int width = 0;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            width += isWide(cp) ? 2 : (Character.getType(cp) == Character.NON_SPACING_MARK ? 0 : 1);
            i += Character.charCount(cp);
        }
        return width;
    }

    static boolean isWide(int cp) {
        return (cp >= 0x1100 && cp <= 0x115F)
                || (cp >= 0x2E80 && cp <= 0xA4CF)
                || (cp >= 0xAC00 && cp <= 0xD7A3)
                || (cp >= 0xF900 && cp <= 0xFAFF)
                || (cp >= 0xFE30 && cp <= 0xFE4F)
                || (cp >= 0xFF00 && cp <= 0xFF60)
                || (cp >= 0xFFE0 && cp <= 0xFFE6)
                || (cp >= 0x20000 && cp <= 0x3FFFD)
                || (cp >= 0x1F300 && cp <= 0x1F64F);
    }

    public static String pad(String s, int width, boolean right) {
        int gap = Math.max(0, width - of(s));
        String fill = " ".repeat(gap);
        return right ? fill + s : s + fill;
    }
}
