package io.chanops.replenish.simulate;

import io.chanops.replenish.policy.Policy;
import java.util.List;

/**
 * A candidate policy set: its name ({@code current}, the policies file's base name, {@code sl=0.95}) and the policy
 * of every simulated position, in the order of the positions.
 */
public record Candidate(String name, List<Policy> policies) {
    public Candidate {
        policies = List.copyOf(policies);
    }
}
