using CivilAffairs.Core.Common;
using CivilAffairs.Core.Divisions;

namespace CivilAffairs.Core.ElderlyCare.Import;

/// <summary>
/// One row of a 养老服务设施 import file, parsed. A value is null where the cell could not be read
/// (the row then has an error). <see cref="Investment"/> is in 元; the file gives 万元.
/// </summary>
public sealed record FacilityImportRow(
    string Name,
    FacilityKind? Kind,
    string DivisionCode,
    OperationMode? OperationMode,
    string? Operator,
    int? TotalBeds,
    int? NursingBeds,
    int? OccupiedBeds,
    bool HasMedicalService,
    decimal? Investment,
    int? InvestmentYear,
    DateOnly? OpenedOn,
    FacilityStatus? Status,
    int? LivelihoodProjectYear)
{
    public string DivisionName => DivisionCatalog.NameOf(DivisionCode);

    /// <summary>The record to insert; throws a <see cref="DomainException"/> when a value is missing or a rule is broken.</summary>
    internal CareFacility ToEntity(DateOnly today)
    {
        var facility = new CareFacility
        {
            Name = Name,
            Kind = Kind ?? throw Missing(FacilityImportSheet.Kind),
            DivisionCode = DivisionCode,
            OperationMode = OperationMode ?? throw Missing(FacilityImportSheet.OperationModeHeader),
            Operator = Operator,
            TotalBeds = TotalBeds ?? throw Missing(FacilityImportSheet.TotalBeds),
            NursingBeds = NursingBeds ?? throw Missing(FacilityImportSheet.NursingBeds),
            OccupiedBeds = OccupiedBeds ?? throw Missing(FacilityImportSheet.OccupiedBeds),
            HasMedicalService = HasMedicalService,
            Investment = Investment ?? throw Missing(FacilityImportSheet.Investment),
            InvestmentYear = InvestmentYear,
            OpenedOn = OpenedOn,
            Status = Status ?? throw Missing(FacilityImportSheet.Status),
            LivelihoodProjectYear = LivelihoodProjectYear,
        };
        facility.Validate(today);
        return facility;
    }

    private static DomainException Missing(string column) => new($"请填写{column}。");
}

/// <summary>The columns of the facility import file and how a row is read.</summary>
internal static class FacilityImportSheet
{
    public const string SheetName = "养老服务设施";
    public const string Name = "设施名称";
    public const string Kind = "设施类型";
    public const string Division = "行政区划代码";
    public const string OperationModeHeader = "运营方式";
    public const string Operator = "运营方";
    public const string TotalBeds = "总床位";
    public const string NursingBeds = "护理型床位";
    public const string OccupiedBeds = "在住人数";
    public const string MedicalService = "医养结合";
    public const string Investment = "投资（万元）";
    public const string InvestmentYear = "投资年份";
    public const string OpenedOn = "开业日期";
    public const string Status = "状态";
    public const string LivelihoodProjectYear = "民生实事年份";

    public static readonly IReadOnlyList<ImportColumn> Columns =
    [
        new(Name, true, $"不超过 {CareFacility.NameMaxLength} 个字；同一行政区划内不能重名。", "精河县综合社会福利院", 28),
        new(Kind, true, "填写以下之一：" + string.Join("、", Enum.GetValues<FacilityKind>().Select(k => k.ChineseName())),
            FacilityKind.CountyWelfareInstitute.ChineseName(), 24),
        new(Division, true, "设施所在的县市或乡镇（街道）代码，如 652722（精河县）、652722100（精河镇）；须在您的管辖范围内。", "652722"),
        new(OperationModeHeader, true, "填写以下之一：" + string.Join("、", Enum.GetValues<OperationMode>().Select(m => m.ChineseName())),
            OperationMode.PublicOperated.ChineseName()),
        new(Operator, false, $"公建民营或民办时的运营单位，不超过 {CareFacility.OperatorMaxLength} 个字。", null, 20),
        new(TotalBeds, false, "整数，不能为负数；不填按 0。", 120, 10),
        new(NursingBeds, false, "整数，不能多于总床位；不填按 0。", 80, 10),
        new(OccupiedBeds, false, "整数，不能多于总床位；不填按 0。", 95, 10),
        new(MedicalService, false, "是/否；不填按“否”。", "是", 10),
        new(Investment, false, "单位万元，最多六位小数（精确到分），不能为负数；不填按 0。", 1500.5m, 12),
        new(InvestmentYear, false, $"四位年份（{RowReader.MinYear} 年至明年）。", 2019, 10),
        new(OpenedOn, false, "日期，如 2020-06-01；运营中的设施不能晚于今天。", new DateTime(2020, 6, 1), 12),
        new(Status, false, "填写以下之一：" + string.Join("、", Enum.GetValues<FacilityStatus>().Select(s => s.ChineseName())) + "；不填按“运营中”。",
            FacilityStatus.Operating.ChineseName(), 10),
        new(LivelihoodProjectYear, false, "作为民生实事项目建设或改造的年份；不是则不填。", 2019, 12),
    ];

    public static IReadOnlyList<string> Headers { get; } = Columns.Select(c => c.Header).ToArray();

    /// <summary>Reads one row; the rules that involve several cells of the row are checked here too.</summary>
    public static FacilityImportRow Parse(RowReader row, DateOnly today)
    {
        var values = new FacilityImportRow(
            row.RequiredText(Name, CareFacility.NameMaxLength),
            row.Choice(Kind, Enum.GetValues<FacilityKind>(), k => k.ChineseName()),
            row.RequiredText(Division),
            row.Choice(OperationModeHeader, Enum.GetValues<OperationMode>(), m => m.ChineseName()),
            row.Text(Operator, CareFacility.OperatorMaxLength),
            row.Count(TotalBeds),
            row.Count(NursingBeds),
            row.Count(OccupiedBeds),
            row.YesNo(MedicalService),
            row.TenThousandYuan(Investment),
            row.Year(InvestmentYear, Numbers.LastYear(today)),
            row.Date(OpenedOn),
            row.Choice(Status, Enum.GetValues<FacilityStatus>(), s => s.ChineseName(), FacilityStatus.Operating),
            row.Year(LivelihoodProjectYear, Numbers.LastYear(today)));

        if (values is { TotalBeds: { } total, NursingBeds: { } nursing } && nursing > total)
        {
            row.Error(NursingBeds, $"护理型床位（{nursing}）不能多于总床位（{total}）。");
        }

        if (values is { TotalBeds: { } total2, OccupiedBeds: { } occupied } && occupied > total2)
        {
            row.Error(OccupiedBeds, $"在住人数（{occupied}）不能多于总床位（{total2}）。");
        }

        if (values is { Status: FacilityStatus.Operating, OpenedOn: { } opened } && opened > today)
        {
            row.Error(OpenedOn, CareFacility.OpensInFutureMessage);
        }

        return values;
    }
}
