package io.chanops.replenish.planning;

import io.chanops.ledger.model.Site;
import io.chanops.replenish.planning.domain.TravelTimes;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Everything one planning run needs, already validated: the orders, the vehicles, the sites involved (with opening
 * hours), each warehouse's available stock per SKU, travel minutes between the sites, and the service time per stop.
 */
public record PlanInput(
        LocalDate date,
        List<DeliveryOrder> orders,
        List<VehicleSpec> vehicles,
        Map<String, Site> sites,
        Map<String, Map<String, Long>> available,
        TravelTimes travel,
        int serviceMinutes) {
    public long available(String warehouse, String sku) {
        return available.getOrDefault(warehouse, Map.of()).getOrDefault(sku, 0L);
    }
}
