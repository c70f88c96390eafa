using CivilAffairs.Core.Common;
using CivilAffairs.Core.Divisions;
using CivilAffairs.Core.People;

namespace CivilAffairs.Core.ElderlyCare.Import;

/// <summary>
/// One row of a 老年人 import file, parsed. The person is taken from the register when the ID number
/// is already there (in the user's scope), otherwise registered by the import.
/// </summary>
public sealed record ElderlyPersonImportRow(
    string IdNumber,
    string Name,
    string? Ethnicity,
    string? Phone,
    string DivisionCode,
    bool EmptyNest,
    bool LivingAlone,
    bool Disabled,
    bool SeverelyDisabled,
    bool ExtremelyPoor,
    CareMode? CareMode,
    string? FacilityName)
{
    /// <summary>From the ID number, when it is valid.</summary>
    public Gender? Gender { get; init; }

    /// <summary>From the ID number, when it is valid.</summary>
    public DateOnly? BirthDate { get; init; }

    /// <summary>The register's person with this ID number, when there is one: the import enrols them instead of registering them again.</summary>
    public int? RegisteredPersonId { get; init; }

    /// <summary>The facility named in 所在机构名称, found among those the user can see.</summary>
    public int? FacilityId { get; init; }

    public string DivisionName => DivisionCatalog.NameOf(DivisionCode);
}

/// <summary>The columns of the elderly-person import file and how a row is read.</summary>
internal static class ElderlyPersonImportSheet
{
    public const string SheetName = "老年人";
    public const string IdNumber = "公民身份号码";
    public const string Name = "姓名";
    public const string Ethnicity = "民族";
    public const string Phone = "联系电话";
    public const string Division = "行政区划代码";
    public const string EmptyNest = "空巢";
    public const string LivingAlone = "独居";
    public const string Disabled = "失能";
    public const string SeverelyDisabled = "重残";
    public const string ExtremelyPoor = "特困";
    public const string CareModeHeader = "养老方式";
    public const string FacilityName = "所在机构名称";

    private const string YesNoHint = "是/否；不填按“否”。";

    public static readonly IReadOnlyList<ImportColumn> Columns =
    [
        new(IdNumber, true, "18 位公民身份号码，末位可为 X。请把该列设为“文本”格式，否则 Excel 会丢失末几位。同一文件中不能重复。",
            ExampleIdNumber, 22),
        new(Name, true, $"不超过 {Person.NameMaxLength} 个字；人员库中已有此人时须与登记的姓名一致。", "张桂兰", 12),
        new(Ethnicity, false, $"如 汉族、蒙古族、维吾尔族，不超过 {Person.EthnicityMaxLength} 个字。", "蒙古族", 10),
        new(Phone, false, $"不超过 {Person.PhoneMaxLength} 个字符。", "13800000000", 14),
        new(Division, true, "居住地的乡镇（街道）代码，如 652722100（精河镇）；须在您的管辖范围内；人员库中已有此人时须与登记的一致。", "652722100"),
        new(EmptyNest, false, YesNoHint, "是", 8),
        new(LivingAlone, false, YesNoHint, "否", 8),
        new(Disabled, false, YesNoHint, "否", 8),
        new(SeverelyDisabled, false, YesNoHint, "否", 8),
        new(ExtremelyPoor, false, YesNoHint, "否", 8),
        new(CareModeHeader, true, "填写以下之一：" + string.Join("、", Enum.GetValues<CareMode>().Select(m => m.ChineseName())),
            CareMode.Home.ChineseName(), 10),
        new(FacilityName, false, "养老方式为“机构”时必填，为“社区”时可填，为“居家”时不填；须与已登记的养老服务设施名称完全一致。", null, 28),
    ];

    public static IReadOnlyList<string> Headers { get; } = Columns.Select(c => c.Header).ToArray();

    /// <summary>A valid number of a fictitious woman born 1950-03-12 in 精河县, built with its real check character.</summary>
    private static string ExampleIdNumber
    {
        get
        {
            const string first17 = "65272219500312002";
            return first17 + ResidentId.CheckCharacter(first17);
        }
    }

    public static ElderlyPersonImportRow Parse(RowReader row, DateOnly today)
    {
        var id = row.ResidentIdNumber(IdNumber, today);
        var values = new ElderlyPersonImportRow(
            id?.Value ?? row.Text(IdNumber)?.ToUpperInvariant() ?? string.Empty,
            row.RequiredText(Name, Person.NameMaxLength),
            row.Text(Ethnicity, Person.EthnicityMaxLength),
            row.Text(Phone, Person.PhoneMaxLength),
            row.RequiredText(Division),
            row.YesNo(EmptyNest),
            row.YesNo(LivingAlone),
            row.YesNo(Disabled),
            row.YesNo(SeverelyDisabled),
            row.YesNo(ExtremelyPoor),
            row.Choice(CareModeHeader, Enum.GetValues<CareMode>(), m => m.ChineseName()),
            row.Text(FacilityName, CareFacility.NameMaxLength))
        {
            Gender = id?.Gender,
            BirthDate = id?.BirthDate,
        };

        switch (values.CareMode)
        {
            case CareMode.Institution when values.FacilityName is null:
                row.Error(FacilityName, $"养老方式为“{CareMode.Institution.ChineseName()}”时须填写{FacilityName}。");
                break;
            case CareMode.Home when values.FacilityName is not null:
                row.Error(FacilityName, $"养老方式为“{CareMode.Home.ChineseName()}”时不填写{FacilityName}。");
                break;
        }

        return values;
    }
}
