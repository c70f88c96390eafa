using CivilAffairs.Core.Divisions;
using CivilAffairs.Core.Security;
using CivilAffairs.Core.SocialAffairs;

namespace CivilAffairs.Core.Indicators;

/// <summary>社会事务 indicators (婚姻登记, 殡葬, 身后一件事, 地名). Codes AF01–AF39.</summary>
public static class SocialAffairsIndicators
{
    private const string Line = "/affairs";
    private const string Plan = "十四五规划（约束性）";

    public static readonly Measure Marriages =
        Measure.Rows(db => db.MarriageMonthlyFigures).WindowOnMonth(f => f.Period).Sum("af.marriages", f => f.Marriages);

    public static readonly Measure Divorces =
        Measure.Rows(db => db.MarriageMonthlyFigures).WindowOnMonth(f => f.Period).Sum("af.divorces", f => f.Divorces);

    public static readonly Measure CrossRegion =
        Measure.Rows(db => db.MarriageMonthlyFigures).WindowOnMonth(f => f.Period).Sum("af.crossRegion", f => f.CrossRegion);

    public static readonly Measure WeddingCouples =
        Measure.Rows(db => db.CollectiveWeddings).WindowOn(w => w.HeldOn).Sum("af.wedding.couples", w => w.Couples);

    /// <summary>County-level divisions: the denominator of burial coverage (4 for the prefecture, 1 for a county).</summary>
    public static readonly Measure Counties =
        Measure.Rows(db => db.Divisions.Where(d => d.Kind == DivisionKind.County), d => d.Code).Count("div.counties");

    /// <summary>Counties with at least one public-welfare burial facility (cemetery or columbarium) in service at the period's end.</summary>
    public static readonly Measure CountiesWithPublicBurial = Measure.Count("af.burial.counties", (db, w) =>
        db.Divisions.Where(d => d.Kind == DivisionKind.County && db.BurialFacilities.Any(f =>
            f.PublicWelfare && f.Kind != BurialFacilityKind.FuneralHome && f.Status == BurialFacilityStatus.InService
            && (f.OpenedOn == null || f.OpenedOn <= w.To) && f.DivisionCode.StartsWith(d.Code))), d => d.Code);

    /// <summary>Investment in 元 of burial facilities opened by the period's end (or planned/under construction without a date).</summary>
    public static readonly Measure BurialInvestment =
        Measure.Rows(db => db.BurialFacilities).WindowOn(f => f.OpenedOn, undatedIsEarliest: true, upToEnd: true).Sum("af.burial.investment", f => f.Investment);

    public static readonly Measure BurialFacilitiesInService =
        Measure.Rows(db => db.BurialFacilities.Where(f => f.Status == BurialFacilityStatus.InService)).WindowOn(f => f.OpenedOn, undatedIsEarliest: true, upToEnd: true).Count("af.burial.facilities");

    public static readonly Measure DeathCases =
        Measure.Rows(db => db.DeathCases).WindowOn(c => c.AppliedOn).Count("af.death.cases");

    public static readonly Measure DeathCasesCompleted =
        Measure.Rows(db => db.DeathCases.Where(c => c.ProcessingDays != null)).WindowOn(c => c.CompletedOn).Count("af.death.completed");

    public static readonly Measure DeathProcessingDays =
        Measure.Rows(db => db.DeathCases.Where(c => c.ProcessingDays != null)).WindowOn(c => c.CompletedOn).Sum("af.death.days", c => c.ProcessingDays ?? 0);

    /// <summary>Baseline working days of the completed cases (each case keeps the baseline configured when it was recorded).</summary>
    public static readonly Measure DeathBaselineDays =
        Measure.Rows(db => db.DeathCases.Where(c => c.ProcessingDays != null)).WindowOn(c => c.CompletedOn).Sum("af.death.baseline", c => c.BaselineDays);

    /// <summary>Working days saved against the baseline: reduction = saved ÷ baseline.</summary>
    public static readonly Measure DeathDaysSaved =
        Measure.Rows(db => db.DeathCases.Where(c => c.ProcessingDays != null)).WindowOn(c => c.CompletedOn).Sum("af.death.saved", c => c.BaselineDays - (c.ProcessingDays ?? 0));

    public static readonly Measure PlaceNamesLocal =
        Measure.Rows(db => db.PlaceNames.Where(p => p.Source == PlaceNameSource.Local && p.Status != PlaceNameStatus.Retired)).WindowOn(p => p.RecordedOn).Count("af.places.local");

    public static readonly Measure PlaceNamesAidCity =
        Measure.Rows(db => db.PlaceNames.Where(p => p.Source == PlaceNameSource.AidCity && p.Status != PlaceNameStatus.Retired)).WindowOn(p => p.RecordedOn).Count("af.places.aidCity");

    public static readonly Measure PointsOfInterest =
        Measure.Rows(db => db.PlaceNames.Where(p => p.Kind == PlaceNameKind.PointOfInterest && p.Status != PlaceNameStatus.Retired)).WindowOn(p => p.RecordedOn).Count("af.places.poi");

    public static readonly Measure PlaceNameExperts =
        Measure.Rows(db => db.PlaceNameExperts).WindowOn(e => e.AddedOn).Count("af.places.experts");

    public static IReadOnlyList<IndicatorDefinition> All { get; } =
    [
        new("AF01", "结婚登记（本月）", "Marriages registered this month", IndicatorUnit.Couples, IndicatorKind.Flow, ServiceLine.SocialAffairs, Marriages, RecordsPage: Line + "/marriage"),
        new("AF02", "结婚登记（本年）", "Marriages registered this year", IndicatorUnit.Couples, IndicatorKind.YearToDate, ServiceLine.SocialAffairs, Marriages, RecordsPage: Line + "/marriage"),
        new("AF03", "离婚登记（本月）", "Divorces registered this month", IndicatorUnit.Couples, IndicatorKind.Flow, ServiceLine.SocialAffairs, Divorces, RecordsPage: Line + "/marriage"),
        new("AF04", "离婚登记（本年）", "Divorces registered this year", IndicatorUnit.Couples, IndicatorKind.YearToDate, ServiceLine.SocialAffairs, Divorces, RecordsPage: Line + "/marriage"),
        new("AF05", "婚姻登记全区通办（本年）", "Registrations for residents of other prefectures this year", IndicatorUnit.Couples, IndicatorKind.YearToDate, ServiceLine.SocialAffairs, CrossRegion, RecordsPage: Line + "/marriage"),
        new("AF06", "集体婚礼新人（本年）", "Couples at collective weddings this year", IndicatorUnit.Couples, IndicatorKind.YearToDate, ServiceLine.SocialAffairs, WeddingCouples, RecordsPage: Line + "/weddings"),
        new("AF07", "县级公益性安葬(放)设施覆盖率", "Counties with a public-welfare burial facility", IndicatorUnit.Percent, IndicatorKind.Stock, ServiceLine.SocialAffairs,
            CountiesWithPublicBurial, Counties, new IndicatorTarget(100, TargetDirection.AtLeast, Plan), Line + "/burial"),
        new("AF08", "殡葬设施投资（累计）", "Investment in burial facilities, cumulative", IndicatorUnit.TenThousandYuan, IndicatorKind.Cumulative, ServiceLine.SocialAffairs, BurialInvestment, RecordsPage: Line + "/burial"),
        new("AF09", "运营殡葬设施", "Burial facilities in service", IndicatorUnit.Count, IndicatorKind.Stock, ServiceLine.SocialAffairs, BurialFacilitiesInService, RecordsPage: Line + "/burial"),
        new("AF10", "身后一件事办件（本月）", "After-death cases this month", IndicatorUnit.Count, IndicatorKind.Flow, ServiceLine.SocialAffairs, DeathCases, RecordsPage: Line + "/after-death"),
        new("AF11", "身后一件事办件（本年）", "After-death cases this year", IndicatorUnit.Count, IndicatorKind.YearToDate, ServiceLine.SocialAffairs, DeathCases, RecordsPage: Line + "/after-death"),
        new("AF12", "身后一件事平均办理时长（工作日，本年）", "Average working days to complete an after-death case this year", IndicatorUnit.Days, IndicatorKind.YearToDate, ServiceLine.SocialAffairs,
            DeathProcessingDays, DeathCasesCompleted, RecordsPage: Line + "/after-death"),
        new("AF13", "身后一件事办理时长压缩比例（本年）", "Reduction of after-death processing time against the baseline this year", IndicatorUnit.Percent, IndicatorKind.YearToDate, ServiceLine.SocialAffairs,
            DeathDaysSaved, DeathBaselineDays, RecordsPage: Line + "/after-death"),
        new("AF14", "本地采集地名信息（累计）", "Place names collected locally, cumulative", IndicatorUnit.Count, IndicatorKind.Cumulative, ServiceLine.SocialAffairs, PlaceNamesLocal, RecordsPage: Line + "/places?kind=Local"),
        new("AF15", "援疆城市录入地名信息（累计）", "Place names entered by partner aid cities, cumulative", IndicatorUnit.Count, IndicatorKind.Cumulative, ServiceLine.SocialAffairs, PlaceNamesAidCity, RecordsPage: Line + "/places?kind=AidCity"),
        new("AF16", "兴趣点（POI）（累计）", "Points of interest, cumulative", IndicatorUnit.Count, IndicatorKind.Cumulative, ServiceLine.SocialAffairs, PointsOfInterest, RecordsPage: Line + "/places?kind=PointOfInterest"),
        new("AF17", "地名专家库人数", "Experts in the place-name pool", IndicatorUnit.Persons, IndicatorKind.Stock, ServiceLine.SocialAffairs, PlaceNameExperts, RecordsPage: Line + "/places/experts"),
    ];
}
