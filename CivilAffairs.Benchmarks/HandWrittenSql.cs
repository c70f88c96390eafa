using System.Diagnostics;
using System.Globalization;
using CivilAffairs.Core.Common;
using CivilAffairs.Core.Divisions;
using CivilAffairs.Core.Indicators;
using CivilAffairs.Core.Security;
using Microsoft.Data.Sqlite;

namespace CivilAffairs.Benchmarks;

/// <summary>
/// The same figures as <see cref="ElderlyCareIndicators.All"/> (same filters, one row per division
/// code, the same roll-up and rounding) with the fastest SQL written by hand for this schema: one
/// pass per table with conditional aggregates for every window (this month, last month, year to
/// date, since records began), instead of one query per measure and window.
/// </summary>
internal static class HandWrittenSql
{
    private enum W
    {
        Stock,
        PrevStock,
        Flow,
        PrevFlow,
        Ytd,
        PrevYtd,
        Cum,
        PrevCum,
    }

    public static IReadOnlyList<IndicatorResult> Compute(SqliteConnection connection, UserContext user, Period period, string divisionCode)
    {
        var division = DivisionCatalog.Find(divisionCode) ?? throw new DomainException("行政区划不存在。");
        if (!user.Scope.Contains(division.Code))
        {
            throw new AccessDeniedException("out of scope");
        }

        // The user's scope as a range on the division code (what StartsWith means, and usable by an index).
        var lo = user.Scope.Prefix;
        var hi = lo[..^1] + (char)(lo[^1] + 1);
        var prev = period.Previous;
        var v = new Values();
        var p = new Dictionary<string, object>
        {
            ["$lo"] = lo,
            ["$hi"] = hi,
            ["$endC"] = Day(period.End),
            ["$endP"] = Day(prev.End),
            ["$ysC"] = Day(period.YearStart.Start),
            ["$ysP"] = Day(prev.YearStart.Start),
            ["$msC"] = Day(period.Start),
            ["$msP"] = Day(prev.Start),
            ["$yearC"] = period.End.Year,
            ["$yearP"] = prev.End.Year,
            ["$keyC"] = period.Key,
            ["$keyP"] = prev.Key,
            ["$yKeyC"] = period.YearStart.Key,
            ["$yKeyP"] = prev.YearStart.Key,
        };

        Read(connection, FacilitiesSql, p, r =>
        {
            var d = r.GetString(0);
            var i = 1;
            foreach (var key in FacilityMeasures)
            {
                v.Add(key, W.Stock, d, Int(r, i++));
                v.Add(key, W.PrevStock, d, Int(r, i++));
            }

            v.Add(ElderlyCareIndicators.Investment.Key, W.Cum, d, Money(r.GetDouble(i++)));
            v.Add(ElderlyCareIndicators.Investment.Key, W.PrevCum, d, Money(r.GetDouble(i)));
        });

        // 乡镇街道 and those with a regional centre in service (counted once however many they have).
        Read(connection, "SELECT Code FROM Divisions WHERE Kind IN (3, 4, 5)", p, r =>
        {
            var d = r.GetString(0);
            foreach (var w in new[] { W.Stock, W.PrevStock })
            {
                v.Add(ElderlyCareIndicators.Townships.Key, w, d, 1);
                v.Add(ElderlyCareIndicators.TownshipsWithCentre.Key, w, d, v.Get(ElderlyCareIndicators.RegionalCentres.Key, w, d) > 0 ? 1 : 0);
            }
        });

        Read(connection, PaymentsSql, p, r =>
        {
            var d = r.GetString(0);
            v.Add(ElderlyCareIndicators.AllowanceRecipients.Key, W.Flow, d, Int(r, 1));
            v.Add(ElderlyCareIndicators.AllowanceRecipients.Key, W.PrevFlow, d, Int(r, 2));
            var paid = ElderlyCareIndicators.AllowancePaid.Key;
            v.Add(paid, W.Flow, d, Money(r.GetDouble(3)));
            v.Add(paid, W.PrevFlow, d, Money(r.GetDouble(4)));
            v.Add(paid, W.Ytd, d, Money(r.GetDouble(5)));
            v.Add(paid, W.PrevYtd, d, Money(r.GetDouble(6)));
            v.Add(paid, W.Cum, d, Money(r.GetDouble(7)));
            v.Add(paid, W.PrevCum, d, Money(r.GetDouble(8)));
        });

        Read(connection, AdaptationsSql, p, r =>
        {
            var d = r.GetString(0);
            var key = ElderlyCareIndicators.AdaptationsCompleted.Key;
            v.Add(key, W.Ytd, d, Int(r, 1));
            v.Add(key, W.PrevYtd, d, Int(r, 2));
            v.Add(key, W.Cum, d, Int(r, 3));
            v.Add(key, W.PrevCum, d, Int(r, 4));
        });

        Read(connection, VisitsSql, p, r =>
        {
            v.Add(ElderlyCareIndicators.Visits.Key, W.Ytd, r.GetString(0), Int(r, 1));
            v.Add(ElderlyCareIndicators.Visits.Key, W.PrevYtd, r.GetString(0), Int(r, 2));
        });

        Read(connection, TrainingsSql, p, r =>
        {
            v.Add(ElderlyCareIndicators.TrainingPersonTimes.Key, W.Ytd, r.GetString(0), Int(r, 1));
            v.Add(ElderlyCareIndicators.TrainingPersonTimes.Key, W.PrevYtd, r.GetString(0), Int(r, 2));
        });

        Read(connection, "SELECT DivisionCode, COUNT(*) FROM ElderlyPersons WHERE DivisionCode >= $lo AND DivisionCode < $hi GROUP BY DivisionCode", p, r =>
        {
            v.Add(ElderlyCareIndicators.EnrolledElderly.Key, W.Stock, r.GetString(0), Int(r, 1));
            v.Add(ElderlyCareIndicators.EnrolledElderly.Key, W.PrevStock, r.GetString(0), Int(r, 1));
        });

        // Opening balances of cumulative indicators, per indicator code.
        var balances = new List<(string Code, string Division, int Before, decimal Value)>();
        Read(connection, "SELECT IndicatorCode, DivisionCode, \"Before\", Value FROM OpeningBalances WHERE DivisionCode >= $lo AND DivisionCode < $hi AND \"Before\" <= $keyC", p,
            r => balances.Add((r.GetString(0), r.GetString(1), r.GetInt32(2), r.GetDecimal(3))));

        var children = division.Level switch
        {
            DivisionLevel.Prefecture => DivisionCatalog.All.Where(d => d.ParentCode == division.Code).Select(d => (d.Code, d.Name, false)).ToList(),
            DivisionLevel.County =>
            [
                (division.Code, division.Name + "（县直）", true),
                .. DivisionCatalog.All.Where(d => d.ParentCode == division.Code).Select(d => (d.Code, d.Name, false)),
            ],
            _ => new List<(string Code, string Name, bool)>(),
        };

        var results = new List<IndicatorResult>();
        foreach (var definition in ElderlyCareIndicators.All)
        {
            var (current, previous) = definition.Kind switch
            {
                IndicatorKind.Flow => (W.Flow, W.PrevFlow),
                IndicatorKind.YearToDate => (W.Ytd, W.PrevYtd),
                IndicatorKind.Cumulative => (W.Cum, W.PrevCum),
                _ => (W.Stock, W.PrevStock),
            };
            Func<string, bool, decimal> Numerator(W w, Period at) => (code, exact) => v.RollUp(definition.Numerator.Key, w, code, exact)
                + (definition.Kind == IndicatorKind.Cumulative
                    ? balances.Where(b => b.Code == definition.Code && b.Before <= at.Key && (exact ? b.Division == code : b.Division.StartsWith(DivisionScope.For(code).Prefix, StringComparison.Ordinal))).Sum(b => b.Value)
                    : 0);
            IndicatorValue Evaluate(W w, Period at, string code, bool exact)
            {
                var numerator = Numerator(w, at)(code, exact);
                if (definition.Denominator is null)
                {
                    return new IndicatorValue(Math.Round(numerator * definition.Scale, definition.Decimals), null, null);
                }

                var denominator = v.RollUp(definition.Denominator.Key, w, code, exact);
                return new IndicatorValue(
                    denominator == 0 ? null : Math.Round(numerator / denominator * definition.Scale, definition.Decimals), numerator, denominator);
            }

            results.Add(new IndicatorResult(definition, division.Code, period,
                Evaluate(current, period, division.Code, false),
                Evaluate(previous, prev, division.Code, false),
                [.. children.Select(c => new BreakdownRow(c.Code, c.Name, Evaluate(current, period, c.Code, c.Item3)))]));
        }

        return results;
    }

    private static readonly string[] FacilityMeasures =
    [
        ElderlyCareIndicators.AllFacilities.Key, ElderlyCareIndicators.Institutions.Key, ElderlyCareIndicators.InstitutionBeds.Key,
        ElderlyCareIndicators.InstitutionNursingBeds.Key, ElderlyCareIndicators.RegionalCentres.Key, ElderlyCareIndicators.DayCareCentres.Key,
        ElderlyCareIndicators.MealPoints.Key, ElderlyCareIndicators.Courtyards.Key, ElderlyCareIndicators.NewDayCareCentres.Key,
        ElderlyCareIndicators.MedicalInstitutions.Key, ElderlyCareIndicators.MedicalDayCare.Key,
    ];

    // Columns in the order of FacilityMeasures, each for the period end and last month's end; then investment.
    private const string FacilitiesSql = """
        WITH f AS (
          SELECT DivisionCode, Kind, TotalBeds, NursingBeds, HasMedicalService, LivelihoodProjectYear, InvestmentYear, Investment,
                 Status = 2 AND (OpenedOn IS NULL OR OpenedOn <= $endC) AS oc,
                 Status = 2 AND (OpenedOn IS NULL OR OpenedOn <= $endP) AS op,
                 Kind IN (1, 2, 3, 7) AS inst
          FROM CareFacilities
          WHERE DivisionCode >= $lo AND DivisionCode < $hi)
        SELECT DivisionCode,
          SUM(oc), SUM(op),
          SUM(oc AND inst), SUM(op AND inst),
          SUM(CASE WHEN oc AND inst THEN TotalBeds ELSE 0 END), SUM(CASE WHEN op AND inst THEN TotalBeds ELSE 0 END),
          SUM(CASE WHEN oc AND inst THEN NursingBeds ELSE 0 END), SUM(CASE WHEN op AND inst THEN NursingBeds ELSE 0 END),
          SUM(oc AND Kind = 3), SUM(op AND Kind = 3),
          SUM(oc AND Kind = 5), SUM(op AND Kind = 5),
          SUM(oc AND Kind = 6), SUM(op AND Kind = 6),
          SUM(oc AND Kind = 4), SUM(op AND Kind = 4),
          SUM(oc AND Kind = 5 AND LivelihoodProjectYear BETWEEN 2021 AND $yearC), SUM(op AND Kind = 5 AND LivelihoodProjectYear BETWEEN 2021 AND $yearP),
          SUM(oc AND inst AND HasMedicalService), SUM(op AND inst AND HasMedicalService),
          SUM(oc AND Kind = 5 AND HasMedicalService), SUM(op AND Kind = 5 AND HasMedicalService),
          TOTAL(CASE WHEN InvestmentYear <= $yearC THEN Investment END), TOTAL(CASE WHEN InvestmentYear <= $yearP THEN Investment END)
        FROM f
        GROUP BY DivisionCode
        """;

    // Every allowance figure from the monthly totals the portal keeps with its batches (as the engine
    // does): one row per month and division, a few thousand rows in all.
    private const string PaymentsSql = """
        SELECT DivisionCode,
          SUM(CASE WHEN Period = $keyC THEN Payments END), SUM(CASE WHEN Period = $keyP THEN Payments END),
          TOTAL(CASE WHEN Period = $keyC THEN PaidAmount END),
          TOTAL(CASE WHEN Period = $keyP THEN PaidAmount END),
          TOTAL(CASE WHEN Period >= $yKeyC THEN PaidAmount END),
          TOTAL(CASE WHEN Period >= $yKeyP AND Period <= $keyP THEN PaidAmount END),
          TOTAL(PaidAmount),
          TOTAL(CASE WHEN Period <= $keyP THEN PaidAmount END)
        FROM AllowanceMonthlyTotals
        WHERE Period <= $keyC AND DivisionCode >= $lo AND DivisionCode < $hi
        GROUP BY DivisionCode
        """;

    private const string AdaptationsSql = """
        SELECT DivisionCode,
          SUM(CompletedOn >= $ysC AND CompletedOn <= $endC), SUM(CompletedOn >= $ysP AND CompletedOn <= $endP),
          SUM(CompletedOn <= $endC), SUM(CompletedOn <= $endP)
        FROM HomeAdaptations
        WHERE DivisionCode >= $lo AND DivisionCode < $hi AND CompletedOn <= $endC
        GROUP BY DivisionCode
        """;

    // The index (DivisionCode, VisitedOn) is sought per division code for the date range.
    private const string VisitsSql = """
        SELECT DivisionCode, SUM(VisitedOn >= $ysC), SUM(VisitedOn <= $endP)
        FROM CareVisits
        WHERE DivisionCode IN (SELECT Code FROM Divisions WHERE Code >= $lo AND Code < $hi)
          AND VisitedOn >= MIN($ysC, $ysP) AND VisitedOn <= $endC
        GROUP BY DivisionCode
        """;

    private const string TrainingsSql = """
        SELECT DivisionCode,
          TOTAL(CASE WHEN HeldOn >= $ysC THEN Participants END), TOTAL(CASE WHEN HeldOn >= $ysP AND HeldOn <= $endP THEN Participants END)
        FROM CaregiverTrainings
        WHERE Kind = 1 AND DivisionCode >= $lo AND DivisionCode < $hi AND HeldOn >= MIN($ysC, $ysP) AND HeldOn <= $endC
        GROUP BY DivisionCode
        """;

    private static long Int(SqliteDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? 0 : reader.GetInt64(ordinal);

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>SQLite sums the TEXT amounts as doubles; amounts have whole cents, so rounding to cents restores the exact sum.</summary>
    private static decimal Money(double value) => Math.Round((decimal)value, 2);

    /// <summary>When set (profiling), the time of each statement, keyed by its first line.</summary>
    public static List<(string Sql, double Ms, string Plan)>? Timings { get; set; }

    private static void Read(SqliteConnection connection, string sql, Dictionary<string, object> parameters, Action<SqliteDataReader> row)
    {
        var start = Stopwatch.GetTimestamp();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            if (sql.Contains(name, StringComparison.Ordinal))
            {
                command.Parameters.AddWithValue(name, value);
            }
        }

        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                row(reader);
            }
        }

        var elapsed = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        if (Timings is not null)
        {
            command.CommandText = "EXPLAIN QUERY PLAN " + sql;
            using var plan = command.ExecuteReader();
            var steps = new List<string>();
            while (plan.Read())
            {
                steps.Add(plan.GetString(3));
            }

            Timings.Add((sql, elapsed, string.Join(" | ", steps)));
        }
    }

    private sealed class Values
    {
        private readonly Dictionary<(string Key, W Window), Dictionary<string, decimal>> _values = [];

        public void Add(string key, W window, string division, decimal value)
        {
            if (!_values.TryGetValue((key, window), out var byCode))
            {
                _values[(key, window)] = byCode = [];
            }

            byCode[division] = byCode.GetValueOrDefault(division) + value;
        }

        public decimal Get(string key, W window, string division) =>
            _values.TryGetValue((key, window), out var byCode) ? byCode.GetValueOrDefault(division) : 0;

        public decimal RollUp(string key, W window, string division, bool exactOnly)
        {
            if (!_values.TryGetValue((key, window), out var byCode))
            {
                return 0;
            }

            if (exactOnly)
            {
                return byCode.GetValueOrDefault(division);
            }

            var prefix = DivisionScope.For(division).Prefix;
            return byCode.Where(kv => kv.Key.StartsWith(prefix, StringComparison.Ordinal)).Sum(kv => kv.Value);
        }
    }
}
