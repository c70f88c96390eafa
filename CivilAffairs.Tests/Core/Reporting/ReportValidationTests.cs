using CivilAffairs.Core.Indicators;
using CivilAffairs.Core.Reporting;
using CivilAffairs.Core.Security;

namespace CivilAffairs.Tests.Core.Reporting;

/// <summary>The checks run before submission, on hand-made report figures.</summary>
public sealed class ReportValidationTests
{
    private static ReportFigure Figure(string code, IndicatorUnit unit, decimal? current, decimal? previous = null,
        IndicatorKind kind = IndicatorKind.Stock, params BreakdownFigure[] breakdown) =>
        new(code, code + "名称", code, unit, kind, ServiceLine.ElderlyCare, current, previous, null, breakdown);

    private static MonthlyReportData Report(params ReportFigure[] figures) =>
        new(202610, "652700", "博尔塔拉蒙古自治州", DateTimeOffset.UnixEpoch, figures,
            [.. figures.SelectMany(f => f.Breakdown).Select(b => (b.DivisionCode, b.DivisionName)).Distinct().Select(c => new BreakdownFigure(c.DivisionCode, c.DivisionName, null))]);

    [Fact]
    public void CleanFiguresGiveNoFindings()
    {
        var report = Report(
            Figure("EC05", IndicatorUnit.Beds, 1000, 990),
            Figure("EC06", IndicatorUnit.Beds, 610, 600),
            Figure("EC01", IndicatorUnit.Percent, 61, 60.6m));

        Assert.Empty(ReportValidation.Validate(report));
    }

    [Fact]
    public void NursingBedsAboveTotalBedsInOneCountyIsAnErrorNamingTheCounty()
    {
        var report = Report(
            Figure("EC05", IndicatorUnit.Beds, 1000, 1000, IndicatorKind.Stock, new BreakdownFigure("652722", "精河县", 100), new BreakdownFigure("652723", "温泉县", 900)),
            Figure("EC06", IndicatorUnit.Beds, 600, 600, IndicatorKind.Stock, new BreakdownFigure("652722", "精河县", 120), new BreakdownFigure("652723", "温泉县", 480)));

        var finding = Assert.Single(ReportValidation.Validate(report));

        Assert.Equal((FindingSeverity.Error, "ORD", "EC06", "精河县"), (finding.Severity, finding.Rule, finding.IndicatorCode, finding.DivisionName));
        Assert.Contains("大于", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void NegativeCountsAndRatiosAboveAHundredAreErrors()
    {
        var findings = ReportValidation.Validate(Report(
            Figure("EC03", IndicatorUnit.Count, -1, -1),
            Figure("EC01", IndicatorUnit.Percent, 101.5m, 101.5m)));

        Assert.Equal(["NEG:EC03", "PCT:EC01"], findings.Select(f => $"{f.Rule}:{f.IndicatorCode}").Order());
        Assert.All(findings, f => Assert.Equal(FindingSeverity.Error, f.Severity));
    }

    [Theory]
    [InlineData(100, 131, true)]   // +31%
    [InlineData(100, 130, false)]  // exactly the threshold
    [InlineData(100, 69, true)]    // -31%
    [InlineData(0, 50, false)]     // no base to compare with
    public void AStockMovingMoreThanThirtyPercentIsAWarning(int previous, int current, bool warned)
    {
        var findings = ReportValidation.Validate(Report(Figure("EC03", IndicatorUnit.Count, current, previous)));

        Assert.Equal(warned, findings.Any(f => f is { Severity: FindingSeverity.Warning, Rule: "MOM" }));
        Assert.DoesNotContain(findings, f => f.Severity == FindingSeverity.Error);
    }

    [Fact]
    public void YearToDateAndCumulativeFiguresAreNotComparedWithLastMonth()
    {
        var findings = ReportValidation.Validate(Report(
            Figure("EC15", IndicatorUnit.Households, 10, 100, IndicatorKind.YearToDate),
            Figure("EC16", IndicatorUnit.Households, 300, 100, IndicatorKind.Cumulative)));

        Assert.DoesNotContain(findings, f => f.Rule == "MOM");
    }

    [Fact]
    public void FiguresSurviveTheJsonStoredWithASubmission()
    {
        var report = Report(Figure("EC05", IndicatorUnit.Beds, 1000, 990, IndicatorKind.Stock, new BreakdownFigure("652722", "精河县", 100)));

        var back = MonthlyReportData.FromJson(report.ToJson());

        Assert.Equal(report.Figures[0].Breakdown, back.Figures[0].Breakdown);
        Assert.Equal((report.PeriodKey, report.Figures[0].Current, report.Figures[0].Unit), (back.PeriodKey, back.Figures[0].Current, back.Figures[0].Unit));
        Assert.Contains("精河县", report.ToJson(), StringComparison.Ordinal);
    }
}
