package nl.impactmonitor.jobs.landing;

import java.util.Comparator;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.infrastructure.item.ExecutionContext;

import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.partition.support.TaskExecutorPartitionHandler;
import org.springframework.batch.core.step.Step;
import org.springframework.core.task.SyncTaskExecutor;

/**
 * Runs a load's file partitions one after another in arrival order ({@link InboxPartitioner#ORDER_KEY}; by step name
 * for partitions made before that key existed). Spring Batch hands partitions over as a hash set; which file counts
 * does not depend on this order, but each file's row in the run table then names the earlier files it superseded, and
 * DuckDB has a single writer anyway.
 *
 * <p>A run killed while Spring Batch was creating the partitions can leave a partition's step execution without its
 * context (the files it loads). On restart such a partition gets its context again from the landing folder as it is
 * now, by its partition name, instead of failing on the missing files.
 */
final class FileNameOrderPartitionHandler extends TaskExecutorPartitionHandler {

    private final Partitioner partitioner;

    FileNameOrderPartitionHandler(Step workerStep, Partitioner partitioner) {
        this.partitioner = partitioner;
        setStep(workerStep);
        setTaskExecutor(new SyncTaskExecutor());
    }

    @Override
    protected Set<StepExecution> doHandle(StepExecution managerStepExecution, Set<StepExecution> partitionStepExecutions) throws Exception {
        Map<String, ExecutionContext> now = null;
        for (StepExecution partition : partitionStepExecutions) {
            if (!partition.getExecutionContext().containsKey(InboxPartitioner.FILES_KEY)) {
                now = now == null ? partitioner.partition(0) : now;
                String name = partition.getStepName();
                ExecutionContext again = now.get(name.substring(name.indexOf(':') + 1));
                if (again != null) {
                    again.entrySet().forEach(e -> partition.getExecutionContext().put(e.getKey(), e.getValue()));
                }
            }
        }
        Set<StepExecution> ordered = new TreeSet<>(Comparator.comparingInt((StepExecution s) -> s.getExecutionContext().getInt(InboxPartitioner.ORDER_KEY, -1))
                .thenComparing(StepExecution::getStepName));
        ordered.addAll(partitionStepExecutions);
        return super.doHandle(managerStepExecution, ordered);
    }
}
