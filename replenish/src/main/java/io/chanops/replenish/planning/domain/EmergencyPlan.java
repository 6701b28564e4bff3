package io.chanops.replenish.planning.domain;

import java.util.List;
import org.optaplanner.core.api.domain.solution.PlanningEntityCollectionProperty;
import org.optaplanner.core.api.domain.solution.PlanningScore;
import org.optaplanner.core.api.domain.solution.PlanningSolution;
import org.optaplanner.core.api.domain.solution.ProblemFactCollectionProperty;
import org.optaplanner.core.api.domain.valuerange.ValueRangeProvider;
import org.optaplanner.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;

/** One day's delivery plan: the vehicles (with the standby one), the visits to make, and each warehouse's stock. */
@PlanningSolution
public class EmergencyPlan {
    @PlanningEntityCollectionProperty
    private List<Vehicle> vehicles;

    @ProblemFactCollectionProperty
    @ValueRangeProvider(id = "visits")
    private List<Visit> visits;

    @ProblemFactCollectionProperty
    private List<StockLimit> stock;

    private TravelTimes travel;

    @PlanningScore
    private HardMediumSoftLongScore score;

    public EmergencyPlan() {}

    public EmergencyPlan(List<Vehicle> vehicles, List<Visit> visits, List<StockLimit> stock, TravelTimes travel) {
        this.vehicles = vehicles;
        this.visits = visits;
        this.stock = stock;
        this.travel = travel;
    }

    public List<Vehicle> getVehicles() {
        return vehicles;
    }

    public List<Visit> getVisits() {
        return visits;
    }

    public List<StockLimit> getStock() {
        return stock;
    }

    public TravelTimes getTravel() {
        return travel;
    }

    public HardMediumSoftLongScore getScore() {
        return score;
    }

    public void setScore(HardMediumSoftLongScore score) {
        this.score = score;
    }
}
