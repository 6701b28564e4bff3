package io.chanops.replenish.planning.io;

import io.chanops.ledger.Problem;
import io.chanops.ledger.imports.ProblemList;
import io.chanops.ledger.model.Site;
import io.chanops.replenish.planning.domain.TravelTimes;
import java.util.List;
import java.util.Map;

/**
 * Travel minutes between the sites of a plan: a matrix.csv row when there is one (a row for the opposite direction
 * serves when only that one is given: most road matrices are close to symmetric), otherwise the great-circle distance
 * from lat/lon at the given speed, rounded to the nearest minute. Same site = 0.
 */
public final class TravelMatrix {

    private TravelMatrix() {}

    /** Fails (exit 4) naming every site that has neither coordinates nor matrix rows to the sites it must reach. */
    public static TravelTimes build(
            List<String> siteIds, Map<String, Site> sites, MatrixFile.Entries matrix, double speedKmh) {
        int n = siteIds.size();
        int[][] minutes = new int[n][n];
        ProblemList problems = new ProblemList();
        String file = matrix.file() == null ? "matrix.csv (not given)" : matrix.file();
        for (int i = 0; i < n; i++) {
            String from = siteIds.get(i);
            for (int j = 0; j < n; j++) {
                String to = siteIds.get(j);
                if (i == j) {
                    continue;
                }
                Integer m = matrix.get(from, to);
                if (m == null) {
                    m = matrix.get(to, from);
                }
                if (m == null) {
                    Site a = sites.get(from);
                    Site b = sites.get(to);
                    if (!a.hasCoordinates() || !b.hasCoordinates()) {
                        if (i < j) {
                            Site missing = a.hasCoordinates() ? b : a;
                            problems.add(Problem.ofFile(
                                    file,
                                    "no row " + from + " -> " + to + " and " + missing.siteId()
                                            + " has no lat/lon in the ledger's sites: add the row or the coordinates"));
                        }
                        continue;
                    }
                    m = (int) Math.round(a.kmTo(b) / speedKmh * 60.0);
                }
                minutes[i][j] = m;
            }
        }
        problems.rejectIfAny();
        return new TravelTimes(siteIds, minutes);
    }
}
