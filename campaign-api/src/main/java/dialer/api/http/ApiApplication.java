package dialer.api.http;

import java.util.Set;

import dialer.api.auth.AuthenticationFilter;
import dialer.api.auth.AuthorizationFeature;
import io.micrometer.core.instrument.MeterRegistry;
import org.glassfish.jersey.internal.inject.AbstractBinder;
import org.glassfish.jersey.jackson.JacksonFeature;
import org.glassfish.jersey.media.multipart.MultiPartFeature;
import org.glassfish.jersey.media.sse.SseFeature;
import org.glassfish.jersey.micrometer.server.DefaultJerseyTagsProvider;
import org.glassfish.jersey.micrometer.server.MetricsApplicationEventListener;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.ServerProperties;

/** The Jersey application: resources plus the JSON, error, security and metrics machinery around them. */
public final class ApiApplication {
    /** Timer of every request, tagged by method, route template and status. */
    public static final String REQUEST_METRIC = "http.server.requests";

    private ApiApplication() {
    }

    public static ResourceConfig create(Set<Object> resources, AuthenticationFilter authentication,
            MeterRegistry metrics) {
        ResourceConfig config = new ResourceConfig();
        registerResourceInstances(config, resources);
        config.register(JacksonFeature.withoutExceptionMappers());
        config.register(JsonMapperProvider.class);
        config.register(authentication);
        config.register(AuthorizationFeature.class);
        config.register(WebApplicationExceptionMapper.class);
        config.register(JsonExceptionMapper.class);
        config.register(InvalidInputExceptionMapper.class);
        config.register(BadFieldsExceptionMapper.class);
        config.register(ConflictExceptionMapper.class);
        config.register(NoSuchResourceExceptionMapper.class);
        config.register(UploadProblemMappers.Unreadable.class);
        config.register(UploadProblemMappers.TooLarge.class);
        config.register(UnexpectedExceptionMapper.class);
        config.register(MultiPartFeature.class);
        config.register(SseFeature.class);
        config.register(new MetricsApplicationEventListener(metrics, new DefaultJerseyTagsProvider(),
                REQUEST_METRIC, true));
        config.property(ServerProperties.WADL_FEATURE_DISABLE, true);
        config.property(ServerProperties.RESPONSE_SET_STATUS_OVER_SEND_ERROR, true);
        return config;
    }

    /**
     * Registers each resource's class and binds the class to the built instance, so that Jersey serves
     * our instances without taking them for providers (jersey#3700 logs a warning for each resource
     * registered as an instance).
     */
    private static void registerResourceInstances(ResourceConfig config, Set<Object> resources) {
        config.register(new AbstractBinder() {
            @Override
            protected void configure() {
                resources.forEach(this::bindInstance);
            }

            @SuppressWarnings("unchecked")
            private <T> void bindInstance(T resource) {
                bind(resource).to((Class<T>) resource.getClass());
            }
        });
        resources.forEach(resource -> config.register(resource.getClass()));
    }
}
