package dev.jaxj.errors;

/**
 * Where jaxj's documentation is published, for messages that point into it. Messages carry the
 * page's URL, which works from any project, and the page and section by name, which work offline
 * (the same pages are under {@code docs/} in jaxj's sources).
 * {@snippet :
 * Docs.url("errors", "ShapeError");    // "https://jaxj.dev/docs/errors#ShapeError"
 * Docs.seeError("ShapeError");         // "See https://jaxj.dev/docs/errors#ShapeError (docs/errors.md, section ShapeError)"
 * }
 */
public final class Docs {
    /** The documentation's root on the project site (the build's {@code <url>}), with a trailing slash. */
    public static final String BASE = "https://jaxj.dev/docs/";

    private Docs() {}

    /** {@return the published URL of a section of a documentation page}, e.g. {@code page = "errors"} for {@code docs/errors.md} */
    public static String url(String page, String section) {
        return BASE + page + "#" + section;
    }

    /** {@return the last line of an error message: where the error page explains {@code section}, online and offline} */
    public static String seeError(String section) {
        return "See " + url("errors", section) + " (docs/errors.md, section " + section + ")";
    }
}
