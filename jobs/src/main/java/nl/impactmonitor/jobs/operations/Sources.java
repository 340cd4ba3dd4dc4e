package nl.impactmonitor.jobs.operations;

import nl.impactmonitor.jobs.landing.Source;

/** A source named in a steward's request (API, page, command line), checked against the list of sources. */
public final class Sources {

    private Sources() {
    }

    /** The source with this token (the token of before V017, {@code results}, still answers for one release). */
    public static Source named(String token) {
        return Source.byToken(token).orElseThrow(() -> new BadRunRequestException("unknown source '" + token + "': use one of "
                + Source.tokens()));
    }
}
