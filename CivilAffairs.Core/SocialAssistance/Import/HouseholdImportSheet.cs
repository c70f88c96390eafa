using CivilAffairs.Core.Common;
using CivilAffairs.Core.Divisions;
using CivilAffairs.Core.ElderlyCare.Import;
using CivilAffairs.Core.People;

namespace CivilAffairs.Core.SocialAssistance.Import;

/// <summary>
/// One row of a 救助家庭 import file: one member. Rows with the same 户编号 make one household,
/// whose head is the row marked 户主.
/// </summary>
public sealed record HouseholdImportRow(
    string HouseholdKey,
    string Name,
    string IdNumber,
    HouseholdRelation? Relation,
    decimal MonthlyIncome,
    UrbanRural? Area,
    string DivisionCode,
    string? Address,
    bool ClassifiedTopUp = false)
{
    /// <summary>The register's person with this ID number, when there is one (in the user's scope): the import adds them rather than registering them again.</summary>
    public int? RegisteredPersonId { get; init; }

    public string DivisionName => DivisionCatalog.NameOf(DivisionCode);
}

/// <summary>The columns of the household import file and how a row is read.</summary>
internal static class HouseholdImportSheet
{
    public const string SheetName = "救助家庭成员";
    public const string HouseholdKey = "户编号";
    public const string Name = "姓名";
    public const string IdNumber = "身份证号";
    public const string Relation = "与户主关系";
    public const string MonthlyIncome = "月收入（元）";
    public const string Area = "城乡类别";
    public const string Division = "行政区划代码";
    public const string Address = "住址";
    public const string ClassifiedTopUp = "分类施保";

    public static readonly IReadOnlyList<ImportColumn> Columns =
    [
        new(HouseholdKey, true, "本文件内区分家庭的编号，如 1、2、3 或 JH-001；同一家庭的成员填写相同的户编号，每户须有且只有一位户主。", "1", 10),
        new(Name, true, $"不超过 {Person.NameMaxLength} 个字；人员库中已有此人时须与登记的姓名一致。", "李建国", 12),
        new(IdNumber, true, "18 位公民身份号码，末位可为 X。请把该列设为“文本”格式，否则 Excel 会丢失末几位。同一文件中不能重复，也不能是其他救助家庭的成员。",
            ExampleIdNumber, 22),
        new(Relation, true, "填写以下之一：" + string.Join("、", Enum.GetValues<HouseholdRelation>().Select(r => r.ChineseName())), HouseholdRelation.Head.ChineseName(), 12),
        new(MonthlyIncome, false, "该成员的月收入，单位元，可有两位小数；不填按 0。不能为负数。", 800, 12),
        new(Area, true, "城市 或 农村；同一家庭须一致。", UrbanRural.Urban.ChineseName(), 10),
        new(Division, true, "家庭所在乡镇（街道）的代码，如 652722100（精河镇）；须在您的管辖范围内，同一家庭须一致。", "652722100"),
        new(Address, false, $"家庭住址，不超过 {Household.AddressMaxLength} 个字；同一家庭填写一处即可，填写多处时须一致。", "精河镇团结路 12 号", 30),
        new(ClassifiedTopUp, false, "该成员是否属于分类施保对象（重病、重度残疾、老年人、未成年人等，按县标准加发）：是 或 否；不填按 否。", "否", 10),
    ];

    public static IReadOnlyList<string> Headers { get; } = Columns.Select(c => c.Header).ToArray();

    /// <summary>A valid number of a fictitious man born 1970-06-15 in 精河县, built with its real check character.</summary>
    private static string ExampleIdNumber
    {
        get
        {
            const string first17 = "65272219700615001";
            return first17 + ResidentId.CheckCharacter(first17);
        }
    }

    public static string ChineseName(this HouseholdRelation relation) => relation switch
    {
        HouseholdRelation.Head => "户主",
        HouseholdRelation.Spouse => "配偶",
        HouseholdRelation.Child => "子女",
        HouseholdRelation.Parent => "父母",
        HouseholdRelation.Grandchild => "孙子女",
        HouseholdRelation.Sibling => "兄弟姐妹",
        _ => "其他",
    };

    public static HouseholdImportRow Parse(RowReader row, DateOnly today)
    {
        var id = row.ResidentIdNumber(IdNumber, today);
        return new HouseholdImportRow(
            row.RequiredText(HouseholdKey, 50),
            row.RequiredText(Name, Person.NameMaxLength),
            id?.Value ?? row.Text(IdNumber)?.ToUpperInvariant() ?? string.Empty,
            row.Choice(Relation, Enum.GetValues<HouseholdRelation>(), r => r.ChineseName()),
            row.Yuan(MonthlyIncome) ?? 0m,
            row.Choice(Area, Enum.GetValues<UrbanRural>(), a => a.ChineseName()),
            row.RequiredText(Division),
            row.Text(Address, Household.AddressMaxLength),
            row.YesNo(ClassifiedTopUp));
    }
}
