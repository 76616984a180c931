package kvlab.grader.fork;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClasspathRoots;

import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import kvlab.harness.grading.Graded;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.engine.discovery.PackageNameFilter;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TagFilter;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/** Finds the graded tests under a test-classes directory and reports each with its annotation. */
final class ForkDiscovery {
    private ForkDiscovery() {
    }

    static void discover(Path testClasses, String packageName, EventWriter events) {
        LauncherDiscoveryRequestBuilder request = LauncherDiscoveryRequestBuilder.request()
                .selectors(selectClasspathRoots(Set.of(testClasses)))
                .filters(TagFilter.includeTags(Graded.TAG));
        if (!packageName.isEmpty()) {
            request.filters(PackageNameFilter.includePackageNames(packageName));
        }
        TestPlan plan = LauncherFactory.create().discover(request.build());
        for (TestIdentifier root : plan.getRoots()) {
            for (TestIdentifier id : plan.getDescendants(root)) {
                Optional<MethodSource> source = id.getSource()
                        .filter(MethodSource.class::isInstance).map(MethodSource.class::cast);
                if (id.isTest() && source.isPresent()) {
                    report(source.get(), events);
                }
            }
        }
    }

    private static void report(MethodSource source, EventWriter events) {
        Method method = source.getJavaMethod();
        Optional<Graded> graded = AnnotationSupport.findAnnotation(method, Graded.class);
        String className = source.getClassName();
        String methodName = source.getMethodName();
        String params = source.getMethodParameterTypes();
        if (graded.isEmpty()) {
            events.write(Protocol.UNGRADED, className, methodName, params);
            return;
        }
        Graded g = graded.get();
        events.write(Protocol.TEST, className, methodName, params, Protocol.text(g.part()),
                Integer.toString(g.points()), Integer.toString(g.order()));
    }
}
