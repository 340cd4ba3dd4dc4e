package nl.impactmonitor.jobs.landing;

import java.util.Comparator;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.partition.support.TaskExecutorPartitionHandler;
import org.springframework.batch.core.step.Step;
import org.springframework.core.task.SyncTaskExecutor;

/**
 * Runs a load's file partitions one after another in file-name order. Spring Batch hands partitions over as a
 * hash set; loading in a stable order matters because a later file replaces the partitions an earlier one
 * delivered, and DuckDB has a single writer anyway.
 */
final class FileNameOrderPartitionHandler extends TaskExecutorPartitionHandler {

    FileNameOrderPartitionHandler(Step workerStep) {
        setStep(workerStep);
        setTaskExecutor(new SyncTaskExecutor());
    }

    @Override
    protected Set<StepExecution> doHandle(StepExecution managerStepExecution, Set<StepExecution> partitionStepExecutions) throws Exception {
        Set<StepExecution> ordered = new TreeSet<>(Comparator.comparing(StepExecution::getStepName));
        ordered.addAll(partitionStepExecutions);
        return super.doHandle(managerStepExecution, ordered);
    }
}
