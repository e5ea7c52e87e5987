package dialer.gateway.sip;

import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledThreadPoolExecutor;

/**
 * A single daemon thread for the driver's work, which logs what a task threw (a listener's bug, a
 * malformed message) instead of losing it, and goes on with the next task.
 */
final class DriverThread extends ScheduledThreadPoolExecutor {
    private static final System.Logger LOG = System.getLogger(DriverThread.class.getName());

    DriverThread(String name) {
        super(1, runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        });
        setRemoveOnCancelPolicy(true);
    }

    @Override
    protected void afterExecute(Runnable task, Throwable thrown) {
        super.afterExecute(task, thrown);
        Throwable failure = thrown;
        if (failure == null && task instanceof Future<?> future && future.isDone() && !future.isCancelled()) {
            try {
                future.get();
            } catch (ExecutionException e) {
                failure = e.getCause();
            } catch (CancellationException e) {
                return;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (failure != null) {
            LOG.log(System.Logger.Level.ERROR, "a task of the SIP driver failed; the driver goes on", failure);
        }
    }
}
