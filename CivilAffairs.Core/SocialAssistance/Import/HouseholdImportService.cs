using CivilAffairs.Core.Common;
using CivilAffairs.Core.Data;
using CivilAffairs.Core.Divisions;
using CivilAffairs.Core.ElderlyCare.Import;
using CivilAffairs.Core.People;
using CivilAffairs.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace CivilAffairs.Core.SocialAssistance.Import;

/// <summary>
/// Excel import of 救助家庭 and their members, one row per member grouped by 户编号: a template, a
/// preview that lists every problem by row and column without writing anything, and a commit that
/// writes the households, members and new persons of an error-free preview in one transaction.
/// </summary>
public sealed class HouseholdImportService(IDbContextFactory<CivilAffairsDbContext> factory, TimeProvider clock)
{
    /// <summary>Appended to every commit failure: the transaction was rolled back.</summary>
    public const string NothingWritten = "导入已取消，未写入任何记录。";

    private const int LookupChunk = 500;

    public Task WriteTemplateAsync(Stream output, CancellationToken cancellationToken = default) =>
        ImportTemplate.WriteAsync(output, HouseholdImportSheet.SheetName, HouseholdImportSheet.Columns, cancellationToken);

    /// <summary>Reads an uploaded file. File-level problems throw a <see cref="DomainException"/>; row problems are in the preview.</summary>
    public async Task<ImportPreview<HouseholdImportRow>> PreviewAsync(Stream upload, CancellationToken cancellationToken = default)
    {
        await using var db = factory.CreateDbContext();
        RequireEditor(db.CurrentUser);
        var sheet = await ImportSheetReader.ReadAsync(upload, HouseholdImportSheet.Headers, cancellationToken);
        var today = clock.Today();
        var rows = sheet.Select(r =>
        {
            var reader = new RowReader(r);
            return new Pending(r.RowNumber, HouseholdImportSheet.Parse(reader, today), reader.Errors);
        }).ToList();
        await CheckAsync(db, rows, cancellationToken);
        return new ImportPreview<HouseholdImportRow>(rows.Select(r => new ImportRow<HouseholdImportRow>(r.RowNumber, r.Values, r.Errors.ToArray())).ToList());
    }

    /// <summary>Writes every household of an error-free preview in one transaction; returns the number of households added.</summary>
    public async Task<int> ImportAsync(ImportPreview<HouseholdImportRow> preview, CancellationToken cancellationToken = default)
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

        var rows = preview.Rows.Select(r => new Pending(r.RowNumber, r.Values, [])).ToList();
        var today = clock.Today();
        await using var db = factory.CreateDbContext();
        RequireEditor(db.CurrentUser);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);

        // The preview may be minutes old: check again what others may have changed since.
        await CheckAsync(db, rows, cancellationToken);
        var errors = rows.SelectMany(r => r.Errors).ToList();
        if (errors.Count > 0)
        {
            var more = errors.Count > 1 ? $"（共 {errors.Count} 处错误，请重新上传文件查看全部）" : string.Empty;
            throw new DomainException($"{errors[0].Message}{more}{NothingWritten}");
        }

        var households = new List<Household>();
        foreach (var group in rows.GroupBy(r => r.Values.HouseholdKey, StringComparer.Ordinal))
        {
            var first = group.First().Values;
            var household = new Household
            {
                DivisionCode = first.DivisionCode,
                Area = first.Area ?? UrbanRural.Urban,
                Address = group.Select(r => r.Values.Address).FirstOrDefault(a => a is not null),
            };
            foreach (var row in group)
            {
                var values = row.Values;
                var member = new HouseholdMember
                {
                    DivisionCode = household.DivisionCode,
                    Relation = values.Relation ?? HouseholdRelation.Other,
                    MonthlyIncome = values.MonthlyIncome,
                    ClassifiedTopUp = values.ClassifiedTopUp,
                };
                if (values.RegisteredPersonId is { } personId)
                {
                    member.PersonId = personId;
                }
                else
                {
                    member.Person = new Person(ResidentId.Parse(values.IdNumber, today), values.Name, household.DivisionCode);
                    db.People.Add(member.Person);
                }

                if (member.Relation == HouseholdRelation.Head)
                {
                    if (member.Person is null)
                    {
                        household.HeadPersonId = member.PersonId;
                    }
                    else
                    {
                        household.Head = member.Person;
                    }
                }

                household.Members.Add(member);
            }

            households.Add(household);
        }

        db.Households.AddRange(households);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (ex is not DbUpdateConcurrencyException)
        {
            throw new DomainException($"数据在预览后已被他人修改（例如同一人员已被登记），请重新上传文件。{NothingWritten}", ex);
        }

        await transaction.CommitAsync(cancellationToken);
        return households.Count;
    }

    private static async Task CheckAsync(CivilAffairsDbContext db, List<Pending> rows, CancellationToken cancellationToken)
    {
        var scope = db.CurrentUser.Scope;
        var divisions = (await db.Divisions.AsNoTracking().Select(d => d.Code).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        var ids = rows.Select(r => r.Values.IdNumber).Where(id => id.Length == ResidentId.Length).Distinct().ToList();

        // Across every scope: a person is a member of one household, and has one entry in the register.
        var members = new HashSet<string>(StringComparer.Ordinal);
        var registered = new Dictionary<string, (int Id, string Name, string DivisionCode)>(StringComparer.Ordinal);
        foreach (var chunk in ids.Chunk(LookupChunk))
        {
            members.UnionWith(await db.HouseholdMembers.IgnoreQueryFilters().AsNoTracking()
                .Where(m => chunk.Contains(m.Person!.IdNumber)).Select(m => m.Person!.IdNumber).ToListAsync(cancellationToken));
            foreach (var p in await db.People.IgnoreQueryFilters().AsNoTracking()
                .Where(p => chunk.Contains(p.IdNumber)).Select(p => new { p.Id, p.IdNumber, p.Name, p.DivisionCode }).ToListAsync(cancellationToken))
            {
                registered[p.IdNumber] = (p.Id, p.Name, p.DivisionCode);
            }
        }

        var firstRowById = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            var values = row.Values with { RegisteredPersonId = null };
            CheckDivision(row, values.DivisionCode, divisions, scope);
            if (values.MonthlyIncome > Household.MaxMonthlyIncome)
            {
                row.Error(HouseholdImportSheet.MonthlyIncome, $"{HouseholdImportSheet.MonthlyIncome}不能超过 {Household.MaxMonthlyIncome:0} 元。");
            }

            const string IdColumn = HouseholdImportSheet.IdNumber;
            if (values.IdNumber.Length == ResidentId.Length && row.Errors.All(e => e.Column != IdColumn))
            {
                if (!firstRowById.TryAdd(values.IdNumber, row.RowNumber))
                {
                    row.Error(IdColumn, $"{IdColumn}与第 {firstRowById[values.IdNumber]} 行重复。");
                }
                else if (members.Contains(values.IdNumber))
                {
                    // Said the same way whatever the scope: the household elsewhere stays invisible.
                    row.Error(IdColumn, $"{IdColumn}对应的人员已是其他救助家庭的成员，不能重复登记。");
                }
                else if (registered.TryGetValue(values.IdNumber, out var person))
                {
                    if (!scope.Contains(person.DivisionCode))
                    {
                        row.Error(IdColumn, $"{IdColumn}对应的人员已在人员库中登记，且不在您的管辖范围内，请由该辖区办理。");
                    }
                    else if (values.Name.Length > 0 && values.Name != person.Name)
                    {
                        row.Error(HouseholdImportSheet.Name, $"{HouseholdImportSheet.Name}“{values.Name}”与人员库中该身份证号码登记的姓名“{person.Name}”不一致。");
                    }
                    else
                    {
                        values = values with { RegisteredPersonId = person.Id };
                    }
                }
            }

            row.Values = values;
        }

        foreach (var group in rows.Where(r => r.Values.HouseholdKey.Length > 0).GroupBy(r => r.Values.HouseholdKey, StringComparer.Ordinal))
        {
            CheckHousehold(group.Key, group.ToList());
        }
    }

    /// <summary>The rows of one household: exactly one head, and one division, area and address for all.</summary>
    private static void CheckHousehold(string key, List<Pending> rows)
    {
        const string RelationColumn = HouseholdImportSheet.Relation;
        var heads = rows.Count(r => r.Values.Relation == HouseholdRelation.Head);
        var relationsRead = rows.All(r => r.Values.Relation is not null);
        if (heads == 0 && relationsRead)
        {
            foreach (var row in rows)
            {
                row.Error(RelationColumn, $"户编号“{key}”的家庭没有户主：须有且只有一位成员的{RelationColumn}为“户主”。");
            }
        }
        else if (heads > 1)
        {
            var headRows = string.Join("、", rows.Where(r => r.Values.Relation == HouseholdRelation.Head).Select(r => r.RowNumber));
            foreach (var row in rows.Where(r => r.Values.Relation == HouseholdRelation.Head))
            {
                row.Error(RelationColumn, $"户编号“{key}”的家庭有 {heads} 位户主（第 {headRows} 行）：须有且只有一位户主。");
            }
        }

        var first = rows[0];
        foreach (var row in rows.Skip(1))
        {
            if (row.Values.DivisionCode.Length > 0 && first.Values.DivisionCode.Length > 0 && row.Values.DivisionCode != first.Values.DivisionCode)
            {
                row.Error(HouseholdImportSheet.Division,
                    $"{HouseholdImportSheet.Division} {row.Values.DivisionCode} 与同户第 {first.RowNumber} 行的 {first.Values.DivisionCode} 不一致：同一家庭须在同一乡镇（街道）。");
            }

            if (row.Values.Area is { } area && first.Values.Area is { } firstArea && area != firstArea)
            {
                row.Error(HouseholdImportSheet.Area,
                    $"{HouseholdImportSheet.Area}“{area.ChineseName()}”与同户第 {first.RowNumber} 行的“{firstArea.ChineseName()}”不一致。");
            }
        }

        var address = rows.FirstOrDefault(r => r.Values.Address is not null);
        foreach (var row in rows.Where(r => r.Values.Address is not null && r.Values.Address != address!.Values.Address))
        {
            row.Error(HouseholdImportSheet.Address, $"{HouseholdImportSheet.Address}与同户第 {address!.RowNumber} 行不一致。");
        }
    }

    private static void CheckDivision(Pending row, string code, HashSet<string> divisions, DivisionScope scope)
    {
        const string Column = HouseholdImportSheet.Division;
        if (code.Length == 0)
        {
            return; // reported as missing when read
        }

        if (!divisions.Contains(code))
        {
            row.Error(Column, $"{Column}“{code}”不存在。请填写本州乡镇（街道）的行政区划代码，如 652722100（精河镇）。");
        }
        else if (!scope.Contains(code))
        {
            row.Error(Column, $"{Column} {code}（{DivisionCatalog.NameOf(code)}）不在您的管辖范围（{scope.Name}）内。");
        }
        else if (!Household.IsTownship(code))
        {
            row.Error(Column, $"{Column} {code}（{DivisionCatalog.NameOf(code)}）不是乡镇（街道）：救助家庭须登记到乡镇（街道）。");
        }
    }

    private static void RequireEditor(UserContext user)
    {
        if (!user.CanEdit(ServiceLine.SocialAssistance))
        {
            throw new AccessDeniedException(user.Role == Roles.Leader
                ? "局领导账户为只读，不能导入数据。"
                : "您没有导入社会救助数据的权限。");
        }
    }

    /// <summary>A row being checked: values may be completed (resolved person) and errors added.</summary>
    private sealed class Pending(int rowNumber, HouseholdImportRow values, List<ImportError> errors)
    {
        public int RowNumber { get; } = rowNumber;

        public HouseholdImportRow Values { get; set; } = values;

        public List<ImportError> Errors { get; } = errors;

        public void Error(string column, string message) => Errors.Add(RowReader.For(RowNumber, column, message));
    }
}
