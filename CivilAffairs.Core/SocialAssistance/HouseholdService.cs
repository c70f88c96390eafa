using System.Linq.Expressions;
using CivilAffairs.Core.Common;
using CivilAffairs.Core.Data;
using CivilAffairs.Core.Divisions;
using CivilAffairs.Core.People;
using CivilAffairs.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace CivilAffairs.Core.SocialAssistance;

public sealed record HouseholdFilter(string? Text = null, string? DivisionCode = null, UrbanRural? Area = null);

public sealed record HouseholdRow(int Id, string HeadName, string HeadIdNumber, string DivisionCode, UrbanRural Area, string? Address, int Members, decimal TotalIncome)
{
    public string DivisionName => DivisionCatalog.NameOf(DivisionCode);

    public decimal PerCapitaIncome => Members == 0 ? 0 : Math.Round(TotalIncome / Members, 2, MidpointRounding.AwayFromZero);
}

public sealed class MemberForm
{
    public int Id { get; set; }

    public string IdNumber { get; set; } = string.Empty;

    public string Name { get; set; } = string.Empty;

    public HouseholdRelation Relation { get; set; } = HouseholdRelation.Other;

    public decimal MonthlyIncome { get; set; }

    public bool ClassifiedTopUp { get; set; }
}

/// <summary>Household form: the members with the head first (relation 户主).</summary>
public sealed class HouseholdForm
{
    public int Id { get; set; }

    public Guid Version { get; set; }

    public string DivisionCode { get; set; } = string.Empty;

    public UrbanRural Area { get; set; } = UrbanRural.Urban;

    public string? Address { get; set; }

    public List<MemberForm> Members { get; set; } = [];
}

/// <summary>救助家庭 and their members. Members are persons of the shared register, found or created by ID number.</summary>
public sealed class HouseholdService(IDbContextFactory<CivilAffairsDbContext> factory, ICurrentUser currentUser, TimeProvider clock)
    : RecordService<Household>(factory)
{
    protected override string NotFoundMessage => "该救助家庭不存在，或不在您的管辖范围内。";

    protected override IReadOnlyDictionary<string, Expression<Func<Household, object?>>> SortColumns { get; } =
        new Dictionary<string, Expression<Func<Household, object?>>>
        {
            [nameof(HouseholdRow.HeadName)] = h => h.Head!.Name,
            [nameof(HouseholdRow.DivisionName)] = h => h.DivisionCode,
            [nameof(HouseholdRow.Area)] = h => h.Area,
            [nameof(HouseholdRow.Members)] = h => h.Members.Count,
        };

    public async Task<PagedResult<HouseholdRow>> ListAsync(HouseholdFilter filter, PageRequest page, CancellationToken cancellationToken = default)
    {
        var result = await PageAsync(db => Filter(db, filter), page, ToRow, cancellationToken);
        return result with { Items = Mask(result.Items) };
    }

    public async IAsyncEnumerable<HouseholdRow> ExportAsync(HouseholdFilter filter, string? sortBy, bool descending,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var mask = !currentUser.User.CanSeeFullIdNumbers;
        await foreach (var row in StreamAsync(db => Filter(db, filter), sortBy, descending, ToRow, cancellationToken))
        {
            yield return mask ? row with { HeadIdNumber = ResidentId.Mask(row.HeadIdNumber) } : row;
        }
    }

    /// <summary>Households whose head's name contains the text, for pickers.</summary>
    public async Task<IReadOnlyList<LookupOption>> SearchAsync(string? text, CancellationToken cancellationToken = default)
    {
        await using var db = Factory.CreateDbContext();
        var t = text?.Trim() ?? string.Empty;
        var rows = await db.Households.AsNoTracking().Where(h => h.Head!.Name.Contains(t)).OrderBy(h => h.Head!.Name).Take(20)
            .Select(h => new { h.Id, h.Head!.Name, h.Head.IdNumber, h.DivisionCode }).ToListAsync(cancellationToken);
        return rows.ConvertAll(r => new LookupOption(r.Id, $"{r.Name}（{ResidentId.Mask(r.IdNumber)}，{DivisionCatalog.NameOf(r.DivisionCode)}）"));
    }

    public async Task<HouseholdForm?> GetAsync(int id, CancellationToken cancellationToken = default)
    {
        await using var db = Factory.CreateDbContext();
        var household = await db.Households.AsNoTracking().Include(h => h.Members).ThenInclude(m => m.Person).FirstOrDefaultAsync(h => h.Id == id, cancellationToken);
        if (household is null)
        {
            return null;
        }

        var mask = !currentUser.User.CanSeeFullIdNumbers;
        return new HouseholdForm
        {
            Id = household.Id, Version = household.Version, DivisionCode = household.DivisionCode, Area = household.Area, Address = household.Address,
            Members = [.. household.Members.OrderBy(m => m.Relation).ThenBy(m => m.Id).Select(m => new MemberForm
            {
                Id = m.Id, IdNumber = mask ? ResidentId.Mask(m.Person!.IdNumber) : m.Person!.IdNumber, Name = m.Person.Name, Relation = m.Relation,
                MonthlyIncome = m.MonthlyIncome, ClassifiedTopUp = m.ClassifiedTopUp,
            })],
        };
    }

    public Task<int> SaveAsync(HouseholdForm form, CancellationToken cancellationToken = default) =>
        SaveAsync(form.Id, form.Version, () => new Household(), async (db, h) =>
        {
            RequireDivision(db, form.DivisionCode);
            if (!Household.IsTownship(form.DivisionCode))
            {
                throw new DomainException("救助家庭须登记到乡镇（街道）。");
            }

            if (form.Members.Count(m => m.Relation == HouseholdRelation.Head) != 1)
            {
                throw new DomainException("家庭成员中须有且只有一位户主。");
            }

            for (var i = 0; i < form.Members.Count; i++)
            {
                Numbers.RequireMoney(form.Members[i].MonthlyIncome, $"第 {i + 1} 位成员的月收入");
            }

            if (form.Members.Any(m => m.MonthlyIncome > Household.MaxMonthlyIncome))
            {
                throw new DomainException($"成员月收入不能超过 {Household.MaxMonthlyIncome:0} 元。");
            }

            // Two rows for one person would fail on the database's unique key and lose the family's input.
            var numbers = form.Members.Select(m => m.Id == 0 ? ResidentId.Normalize(m.IdNumber) : null).ToList();
            for (var i = 1; i < numbers.Count; i++)
            {
                var first = numbers[i] is { Length: > 0 } n ? numbers.IndexOf(n) : i;
                if (first < i)
                {
                    throw new DomainException($"第 {i + 1} 位成员的身份证号与第 {first + 1} 位成员重复。");
                }
            }

            if (form.Address is { Length: > Household.AddressMaxLength })
            {
                throw new DomainException($"地址不能超过 {Household.AddressMaxLength} 个字。");
            }

            if (form.Id != 0)
            {
                await db.Entry(h).Collection(x => x.Members).LoadAsync(cancellationToken);
            }

            (h.DivisionCode, h.Area, h.Address) = (form.DivisionCode, form.Area, string.IsNullOrWhiteSpace(form.Address) ? null : form.Address.Trim());
            var kept = form.Members.Where(m => m.Id != 0).Select(m => m.Id).ToHashSet();
            h.Members.RemoveAll(m => !kept.Contains(m.Id));
            foreach (var m in form.Members)
            {
                var member = m.Id == 0 ? null : h.Members.FirstOrDefault(x => x.Id == m.Id) ?? throw new DomainException("家庭成员已被他人修改，请刷新后重试。");
                if (member is null)
                {
                    var person = await FindOrCreatePersonAsync(db, m, form.DivisionCode, cancellationToken);
                    if (person.Id != 0 && h.Members.Any(x => x.PersonId == person.Id))
                    {
                        throw new DomainException($"{person.Name} 已是本家庭的成员。");
                    }

                    if (person.Id != 0 && await db.HouseholdMembers.IgnoreQueryFilters().AnyAsync(x => x.PersonId == person.Id && x.HouseholdId != h.Id, cancellationToken))
                    {
                        throw new DomainException($"{person.Name} 已是其他救助家庭的成员。");
                    }

                    member = new HouseholdMember { Person = person };
                    h.Members.Add(member);
                }

                (member.Relation, member.MonthlyIncome, member.ClassifiedTopUp, member.DivisionCode) = (m.Relation, m.MonthlyIncome, m.ClassifiedTopUp, form.DivisionCode);
                if (m.Relation == HouseholdRelation.Head)
                {
                    h.Head = member.Person;
                    if (member.Person is { Id: > 0 } head)
                    {
                        h.HeadPersonId = head.Id;
                    }
                    else if (member.PersonId > 0)
                    {
                        h.HeadPersonId = member.PersonId;
                        h.Head = null;
                    }
                }
            }
        }, cancellationToken);

    private async Task<Person> FindOrCreatePersonAsync(CivilAffairsDbContext db, MemberForm form, string divisionCode, CancellationToken cancellationToken)
    {
        var id = ResidentId.Parse(form.IdNumber, clock.Today());
        var existing = await db.People.IgnoreQueryFilters().FirstOrDefaultAsync(p => p.IdNumber == id.Value, cancellationToken);
        if (existing is not null)
        {
            if (!db.CurrentUser.Scope.Contains(existing.DivisionCode))
            {
                throw new DomainException($"身份证号码 {id.Masked} 已登记在其他辖区，请由该辖区办理。");
            }

            return existing;
        }

        var person = new Person(id, form.Name, divisionCode);
        db.People.Add(person);
        return person;
    }

    private static IQueryable<Household> Filter(CivilAffairsDbContext db, HouseholdFilter filter)
    {
        var query = InDivision(db.Households, filter.DivisionCode);
        if (!string.IsNullOrWhiteSpace(filter.Text))
        {
            var text = filter.Text.Trim();
            var idNumber = text.ToUpperInvariant();
            query = query.Where(h => h.Head!.Name.Contains(text) || h.Head.IdNumber == idNumber);
        }

        return filter.Area is { } area ? query.Where(h => h.Area == area) : query;
    }

    private static readonly Expression<Func<Household, HouseholdRow>> ToRow = h => new HouseholdRow(
        h.Id, h.Head!.Name, h.Head.IdNumber, h.DivisionCode, h.Area, h.Address, h.Members.Count, h.Members.Sum(m => m.MonthlyIncome));

    private IReadOnlyList<HouseholdRow> Mask(IReadOnlyList<HouseholdRow> rows) =>
        currentUser.User.CanSeeFullIdNumbers ? rows : rows.Select(r => r with { HeadIdNumber = ResidentId.Mask(r.HeadIdNumber) }).ToList();
}
