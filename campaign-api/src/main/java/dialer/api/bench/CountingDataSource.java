package dialer.api.bench;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.Set;

import javax.sql.DataSource;

/**
 * A {@link DataSource} that counts, per thread, the SQL statements executed on its connections (each
 * {@code execute...} call of a statement) and, apart from them, the transactions ended by {@code commit}
 * or {@code rollback}, each of which sends its own {@code COMMIT} or {@code ROLLBACK}. A benchmark reads a
 * thread's counts before and after an operation to know what the operation cost.
 */
final class CountingDataSource {
    private static final Set<String> EXECUTIONS = Set.of("execute", "executeQuery", "executeUpdate",
            "executeLargeUpdate", "executeBatch", "executeLargeBatch");
    private static final Set<String> TRANSACTION_ENDS = Set.of("commit", "rollback");

    private final DataSource target;
    private final ThreadLocal<long[]> counts = ThreadLocal.withInitial(() -> new long[2]);

    CountingDataSource(DataSource target) {
        this.target = target;
    }

    /** The data source to hand to the code measured: its connections count what they do. */
    DataSource dataSource() {
        return proxy(DataSource.class, target, (method, result) ->
                result instanceof Connection connection ? connection(connection) : result);
    }

    /** The statements this thread has executed so far. */
    long statements() {
        return counts.get()[0];
    }

    /** The transactions this thread has committed or rolled back so far. */
    long transactionEnds() {
        return counts.get()[1];
    }

    private Connection connection(Connection connection) {
        return proxy(Connection.class, connection, (method, result) -> {
            if (TRANSACTION_ENDS.contains(method.getName())) {
                counts.get()[1]++;
            }
            if (result instanceof CallableStatement statement) {
                return proxy(CallableStatement.class, statement, this::counted);
            }
            if (result instanceof PreparedStatement statement) {
                return proxy(PreparedStatement.class, statement, this::counted);
            }
            return result instanceof Statement statement ? proxy(Statement.class, statement, this::counted) : result;
        });
    }

    private Object counted(Method method, Object result) {
        if (EXECUTIONS.contains(method.getName())) {
            counts.get()[0]++;
        }
        return result;
    }

    private static <T> T proxy(Class<T> type, T target, AfterCall after) {
        InvocationHandler handler = (self, method, args) -> {
            if (method.getName().equals("unwrap") || method.getName().equals("isWrapperFor")) {
                return method.invoke(target, args);
            }
            try {
                return after.apply(method, method.invoke(target, args));
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        };
        return type.cast(Proxy.newProxyInstance(CountingDataSource.class.getClassLoader(), new Class<?>[] {type}, handler));
    }

    /** What a proxy does with the result of a call it passed on: count it, wrap it, return it. */
    @FunctionalInterface
    private interface AfterCall {
        Object apply(Method method, Object result);
    }
}
