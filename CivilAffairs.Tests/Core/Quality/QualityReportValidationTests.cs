using CivilAffairs.Core.Indicators;
using CivilAffairs.Core.Quality;
using CivilAffairs.Core.Reporting;
using CivilAffairs.Core.Security;

namespace CivilAffairs.Tests.Core.Quality;

/// <summary>The monthly report's validation lists every data-quality check with findings as a warning, with its count.</summary>
public sealed class QualityReportValidationTests
{
    private static MonthlyReportData Report() =>
        new(202610, "652722", "精河县", DateTimeOffset.UnixEpoch,
            [new ReportFigure("EC05", "养老机构床位", "Beds", IndicatorUnit.Beds, IndicatorKind.Stock, ServiceLine.ElderlyCare, 1000, 1000, null, [])], []);

    [Fact]
    public void EachCheckWithFindingsIsAWarningWithItsCountAndChecksWithoutFindingsAreNot()
    {
        var counts = new[]
        {
            new QualityCount(QualityChecks.Info(QualityCheck.PaidNotInPayment), 89),
            new QualityCount(QualityChecks.Info(QualityCheck.HighAgeAllowanceUnder80), 0),
            new QualityCount(QualityChecks.Info(QualityCheck.RelativeCaseWithoutFiling), 3),
        };

        var findings = ReportValidation.Validate(Report(), counts);

        Assert.All(findings, f => Assert.Equal((FindingSeverity.Warning, ReportValidation.QualityRule, "精河县"), (f.Severity, f.Rule, f.DivisionName)));
        Assert.Equal(["DQ02", "DQ05"], findings.Select(f => f.IndicatorCode));
        Assert.Contains("89 条", findings[0].Message, StringComparison.Ordinal);
        Assert.Contains("向非在保案件发放", findings[0].Message, StringComparison.Ordinal);
        Assert.NotEqual(findings[0].Key, findings[1].Key);
    }

    [Fact]
    public void WithoutCountsTheValidationIsUnchanged() =>
        Assert.Empty(ReportValidation.Validate(Report(), null));
}
