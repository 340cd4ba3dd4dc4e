package nl.impactmonitor.jobs.report;

/** A label in both report languages; the page shows one of them, switched by the reader without JavaScript. */
record Text(String nl, String en) {

    static Text both(String same) {
        return new Text(same, same);
    }
}
