package nl.impactmonitor.tools;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import nl.impactmonitor.jobs.landing.Source;
import nl.impactmonitor.tools.bench.Bench;
import nl.impactmonitor.tools.samples.ResultSampleGenerator;
import nl.impactmonitor.tools.samples.SampleGenerator;
import nl.impactmonitor.tools.samples.SampleReference;
import nl.impactmonitor.tools.samples.TenderSampleGenerator;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The developers' tools, kept out of the service jar: {@code java -jar tools/target/impactmonitor-tools.jar
 * generate-samples} rewrites samples/ from the seed, {@code bench} runs the benchmark behind ops/bench/run.sh.
 * Exit code 2 for bad arguments.
 */
@Command(name = "impactmonitor-tools", mixinStandardHelpOptions = true,
        subcommands = {Tools.GenerateSamples.class, Tools.RunBench.class, CommandLine.HelpCommand.class},
        description = "Developer tools: seeded sample files and the benchmark harness.")
public final class Tools implements Runnable {

    public static void main(String[] args) {
        System.exit(new CommandLine(new Tools()).execute(args));
    }

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }

    @Command(name = "generate-samples", mixinStandardHelpOptions = true,
            description = "Write the seeded sample files (folders spend, tender, result) under --out; the committed samples are seed 20261127.")
    static final class GenerateSamples implements Callable<Integer> {

        @Option(names = "--out", defaultValue = "samples", description = "output folder (default: ${DEFAULT-VALUE})")
        Path out;

        @Option(names = "--seed", defaultValue = "20261127", description = "seed (default: ${DEFAULT-VALUE})")
        long seed;

        @Option(names = "--reference", defaultValue = "config/reference",
                description = "reference data the generators draw names and thresholds from (default: ${DEFAULT-VALUE})")
        Path reference;

        @Override
        public Integer call() {
            SampleReference ref = SampleReference.read(reference);
            List<Path> spend = SampleGenerator.generate(out.resolve(Source.SPEND.token()), seed, ref);
            List<Path> tenders = TenderSampleGenerator.generate(out.resolve(Source.TENDER.token()), seed, ref);
            List<Path> results = ResultSampleGenerator.generate(out.resolve(Source.RESULT.token()), seed);
            System.out.println("Wrote " + spend.size() + " spend, " + tenders.size() + " MVI-ZET and " + results.size()
                    + " supplier-result sample files under " + out.toAbsolutePath());
            return 0;
        }
    }

    @Command(name = "bench", mixinStandardHelpOptions = true,
            description = "Run the benchmark and print Markdown (ops/bench/run.sh appends it to ops/bench/RESULTS.md).")
    static final class RunBench implements Callable<Integer> {

        @Parameters(index = "0", defaultValue = "rijk", description = "scale: rijk, national or smoke (default: ${DEFAULT-VALUE})")
        String scale;

        @Parameters(index = "1", defaultValue = "/tmp/impactmonitor-bench", description = "work folder (default: ${DEFAULT-VALUE})")
        Path work;

        @Parameters(index = "2", defaultValue = ".", description = "project root with config/ and sql/ (default: ${DEFAULT-VALUE})")
        Path project;

        @Override
        public Integer call() throws Exception {
            Bench.main(new String[] {scale, work.toString(), project.toString()});
            return 0;
        }
    }
}
