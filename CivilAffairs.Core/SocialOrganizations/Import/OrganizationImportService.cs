using CivilAffairs.Core.Common;
using CivilAffairs.Core.Data;
using CivilAffairs.Core.Divisions;
using CivilAffairs.Core.ElderlyCare.Import;
using CivilAffairs.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace CivilAffairs.Core.SocialOrganizations.Import;

/// <summary>One row of a 社会组织 import file.</summary>
public sealed record OrganizationImportRow(
    string Name, string? CreditCode, OrganizationType? Type, DateOnly? RegisteredOn, string LegalRepresentative, string? SupervisingUnit,
    string DivisionCode, bool HasPartyOrganization, bool RegisteredOnline)
{
    public string DivisionName => DivisionCatalog.NameOf(DivisionCode);
}

/// <summary>
/// Excel import of the organisation register: a template, a preview listing every problem by row and
/// column (credit code per GB 32100-2015 and its fit with the type, type, date, division in scope,
/// duplicates in the file and in the register) without writing anything, and an all-or-nothing commit.
/// </summary>
public sealed class OrganizationImportService(IDbContextFactory<CivilAffairsDbContext> factory, TimeProvider clock)
{
    public const string NothingWritten = "导入已取消，未写入任何记录。";

    private const string SheetName = "社会组织";
    private const string Name = "名称";
    private const string Code = "统一社会信用代码";
    private const string Type = "类型";
    private const string Date = "登记（备案）日期";
    private const string Representative = "法定代表人";
    private const string Supervisor = "业务主管单位";
    private const string Division = "行政区划代码";
    private const string Party = "建立党组织";
    private const string Online = "网上登记";

    private static readonly IReadOnlyList<ImportColumn> Columns =
    [
        new(Name, true, $"不超过 {SocialOrganization.NameMaxLength} 个字。", "精河县书法家协会", 28),
        new(Code, false, "18 位统一社会信用代码（GB 32100-2015），第 1 位为 5（民政），第 2 位与类型一致：社会团体 1、社会服务机构 2、基金会 3；只有备案的社区社会组织可以不填。",
            CreditCode.Compose('5', '1', "652722", "MJ0000001"), 22),
        new(Type, true, "填写以下之一：" + string.Join("、", Enum.GetValues<OrganizationType>().Select(t => t.ChineseName())), OrganizationType.SocialGroup.ChineseName(), 14),
        new(Date, true, "登记日期（社区社会组织为备案日期），如 2024-05-01，不晚于今天。", "2024-05-01", 14),
        new(Representative, true, $"不超过 {SocialOrganization.PersonMaxLength} 个字。", "王建国", 12),
        new(Supervisor, false, $"不超过 {SocialOrganization.UnitMaxLength} 个字。", "精河县民政局", 20),
        new(Division, true, "登记管理机关或所在乡镇（街道）的行政区划代码，如 652722（精河县）；须在您的管辖范围内。", "652722", 14),
        new(Party, false, "是 或 否；不填为否。", "是", 10),
        new(Online, false, "是 或 否；不填为否。", "否", 10),
    ];

    private static readonly IReadOnlyList<string> Headers = Columns.Select(c => c.Header).ToArray();

    public Task WriteTemplateAsync(Stream output, CancellationToken cancellationToken = default) =>
        ImportTemplate.WriteAsync(output, SheetName, Columns, cancellationToken);

    /// <summary>Reads an uploaded file. File-level problems throw a <see cref="DomainException"/>; row problems are in the preview.</summary>
    public async Task<ImportPreview<OrganizationImportRow>> PreviewAsync(Stream upload, CancellationToken cancellationToken = default)
    {
        await using var db = factory.CreateDbContext();
        RequireEditor(db.CurrentUser);
        var sheet = await ImportSheetReader.ReadAsync(upload, Headers, cancellationToken);
        var today = clock.Today();
        var rows = sheet.Select(r =>
        {
            var reader = new RowReader(r);
            return new ImportRow<OrganizationImportRow>(r.RowNumber, Parse(reader, today), reader.Errors);
        }).ToList();
        return new ImportPreview<OrganizationImportRow>(await CheckAsync(db, rows, cancellationToken));
    }

    /// <summary>Writes every row of an error-free preview in one transaction; returns the number of organisations added.</summary>
    public async Task<int> ImportAsync(ImportPreview<OrganizationImportRow> preview, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(preview);
        if (preview.Rows.Count == 0)
        {
            throw new DomainException("没有可导入的数据。");
        }

        if (preview.HasErrors)
        {
            throw new DomainException($"还有 {preview.Rows.Count(r => r.Errors.Count > 0)} 行存在错误，请修正文件后重新上传。{NothingWritten}");
        }

        await using var db = factory.CreateDbContext();
        RequireEditor(db.CurrentUser);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var rows = await CheckAsync(db, [.. preview.Rows.Select(r => r with { Errors = [] })], cancellationToken);
        var errors = rows.SelectMany(r => r.Errors).ToList();
        if (errors.Count > 0)
        {
            throw new DomainException($"{errors[0].Message}{NothingWritten}");
        }

        var today = clock.Today();
        foreach (var v in rows.Select(r => r.Values))
        {
            var organization = new SocialOrganization
            {
                Name = v.Name, CreditCode = v.CreditCode, Type = v.Type!.Value, RegisteredOn = v.RegisteredOn!.Value, LegalRepresentative = v.LegalRepresentative,
                SupervisingUnit = v.SupervisingUnit, DivisionCode = v.DivisionCode, HasPartyOrganization = v.HasPartyOrganization, RegisteredOnline = v.RegisteredOnline,
            };
            organization.Validate(today);
            db.SocialOrganizations.Add(organization);
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (ex is not DbUpdateConcurrencyException)
        {
            throw new DomainException($"数据在预览后已被他人修改（例如同一信用代码已被登记），请重新上传文件。{NothingWritten}", ex);
        }

        await transaction.CommitAsync(cancellationToken);
        return rows.Count;
    }

    private static OrganizationImportRow Parse(RowReader row, DateOnly today)
    {
        string? code = null;
        if (row.Text(Code) is { } text)
        {
            if (CreditCode.Validate(text, out var parsed) is { } error)
            {
                row.Error(Code, error);
            }
            else
            {
                code = parsed!.Value;
            }
        }

        var type = row.Choice(Type, Enum.GetValues<OrganizationType>(), t => t.ChineseName());
        var date = row.Date(Date);
        if (date is null && row.Errors.All(e => e.Column != Date))
        {
            row.Error(Date, $"请填写{Date}。");
        }
        else if (date > today)
        {
            row.Error(Date, $"{Date} {date:yyyy-MM-dd} 晚于今天。");
        }

        if (code is not null && type is { } t && SocialOrganization.TypeMismatch(code, t) is { } mismatch)
        {
            row.Error(Code, mismatch);
        }
        else if (code is null && type is { } registered && registered != OrganizationType.Community && row.Errors.All(e => e.Column != Code))
        {
            row.Error(Code, $"{registered.ChineseName()}须填写{Code}（只有备案的社区社会组织可以不填）。");
        }

        return new OrganizationImportRow(
            row.RequiredText(Name, SocialOrganization.NameMaxLength), code, type, date, row.RequiredText(Representative, SocialOrganization.PersonMaxLength),
            row.Text(Supervisor, SocialOrganization.UnitMaxLength), row.RequiredText(Division), row.YesNo(Party), row.YesNo(Online));
    }

    private static async Task<List<ImportRow<OrganizationImportRow>>> CheckAsync(CivilAffairsDbContext db, List<ImportRow<OrganizationImportRow>> rows, CancellationToken cancellationToken)
    {
        var scope = db.CurrentUser.Scope;
        var codes = rows.Select(r => r.Values.CreditCode).OfType<string>().Distinct().ToList();
        var existing = new HashSet<string>(StringComparer.Ordinal);
        foreach (var chunk in codes.Chunk(500))
        {
            existing.UnionWith(await db.SocialOrganizations.IgnoreQueryFilters().AsNoTracking()
                .Where(o => o.CreditCode != null && chunk.Contains(o.CreditCode)).Select(o => o.CreditCode!).ToListAsync(cancellationToken));
        }

        var firstRow = new Dictionary<string, int>(StringComparer.Ordinal);
        var checkedRows = new List<ImportRow<OrganizationImportRow>>(rows.Count);
        foreach (var row in rows)
        {
            var errors = row.Errors.ToList();
            void Error(string column, string message) => errors.Add(RowReader.For(row.RowNumber, column, message));
            var v = row.Values;
            if (v.DivisionCode.Length > 0)
            {
                if (DivisionCatalog.Find(v.DivisionCode) is null)
                {
                    Error(Division, $"{Division}“{v.DivisionCode}”不存在，请填写本州的行政区划代码，如 652722（精河县）。");
                }
                else if (!scope.Contains(v.DivisionCode))
                {
                    Error(Division, $"{Division} {v.DivisionCode}（{DivisionCatalog.NameOf(v.DivisionCode)}）不在您的管辖范围（{scope.Name}）内。");
                }
            }

            if (v.CreditCode is { } code)
            {
                if (!firstRow.TryAdd(code, row.RowNumber))
                {
                    Error(Code, $"{Code} {code} 与第 {firstRow[code]} 行重复。");
                }
                else if (existing.Contains(code))
                {
                    Error(Code, $"{Code} {code} 已登记，不能重复导入。");
                }
            }

            checkedRows.Add(row with { Errors = errors });
        }

        return checkedRows;
    }

    private static void RequireEditor(UserContext user)
    {
        if (!user.CanEdit(ServiceLine.SocialOrganizations))
        {
            throw new AccessDeniedException(user.Role == Roles.Leader ? "局领导账户为只读，不能导入数据。" : "您没有导入社会组织数据的权限。");
        }
    }
}
