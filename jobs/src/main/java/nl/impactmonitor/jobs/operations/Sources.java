package nl.impactmonitor.jobs.operations;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import nl.impactmonitor.jobs.spend.SpendSource;
import nl.impactmonitor.jobs.supplierresult.SupplierResultSource;
import nl.impactmonitor.jobs.system.ImpactmonitorProperties;
import nl.impactmonitor.jobs.tender.TenderSource;
import nl.impactmonitor.warehouse.RawLoader;

/** The three sources by the names stewards use (spend, tender, results), with their load spec and landing folder. */
public final class Sources {

    public record Source(String name, RawLoader.Spec spec, Path inbox) {
    }

    private Sources() {
    }

    public static Map<String, Source> all(ImpactmonitorProperties props) {
        Map<String, Source> sources = new LinkedHashMap<>();
        sources.put(SpendSource.NAME, new Source(SpendSource.NAME, SpendSource.SPEC, props.resolve(props.spend().inbox())));
        sources.put(TenderSource.NAME, new Source(TenderSource.NAME, TenderSource.SPEC, props.resolve(props.tender().inbox())));
        sources.put(SupplierResultSource.NAME, new Source(SupplierResultSource.NAME, SupplierResultSource.SPEC,
                props.resolve(props.results().inbox())));
        return sources;
    }
}
