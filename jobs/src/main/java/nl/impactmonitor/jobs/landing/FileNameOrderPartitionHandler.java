package nl.impactmonitor.jobs.landing;

import java.util.Comparator;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.partition.support.TaskExecutorPartitionHandler;
import org.springframework.batch.core.step.Step;
import org.springframework.core.task.SyncTaskExecutor;

/**
 * Runs a load's file partitions one after another in arrival order ({@link InboxPartitioner#ORDER_KEY}; by step name
 * for partitions made before that key existed). Spring Batch hands partitions over as a hash set; which file counts
 * does not depend on this order, but each file's row in the run table then names the earlier files it superseded, and
 * DuckDB has a single writer anyway.
 */
final class FileNameOrderPartitionHandler extends TaskExecutorPartitionHandler {

    FileNameOrderPartitionHandler(Step workerStep) {
        setStep(workerStep);
        setTaskExecutor(new SyncTaskExecutor());
    }

    @Override
    protected Set<StepExecution> doHandle(StepExecution managerStepExecution, Set<StepExecution> partitionStepExecutions) throws Exception {
        Set<StepExecution> ordered = new TreeSet<>(Comparator.comparingInt((StepExecution s) -> s.getExecutionContext().getInt(InboxPartitioner.ORDER_KEY, -1))
                .thenComparing(StepExecution::getStepName));
        ordered.addAll(partitionStepExecutions);
        return super.doHandle(managerStepExecution, ordered);
    }
}
