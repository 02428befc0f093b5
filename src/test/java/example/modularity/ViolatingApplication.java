package example.modularity;

import org.springframework.modulith.Modulithic;

/**
 * A two-module application in which {@code beta} reaches into {@code alpha}'s internals,
 * to prove that {@code ApplicationModules.verify()} rejects exactly what our build must.
 */
@Modulithic
class ViolatingApplication {

}
