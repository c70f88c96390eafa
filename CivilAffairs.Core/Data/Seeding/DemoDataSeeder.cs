using CivilAffairs.Core.Common;
using CivilAffairs.Core.Divisions;
using CivilAffairs.Core.People;
using CivilAffairs.Core.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace CivilAffairs.Core.Data.Seeding;

/// <summary>
/// Demo users and a small register of persons. Runs only when asked (the embedded default) and
/// only inserts into empty tables, so a restart never duplicates anything.
/// </summary>
public sealed class DemoDataSeeder(UserManager<AppUser> users, TimeProvider clock)
{
    public const int DemoPersonCount = 120;

    private static readonly string[] Surnames = ["王", "李", "张", "刘", "陈", "杨", "赵", "马", "周", "吴", "巴特", "阿依", "古丽", "努尔", "乌兰"];
    private static readonly string[] GivenNames = ["建国", "秀英", "桂兰", "志强", "海燕", "玉梅", "文华", "明", "娜", "巴图", "其其格", "阿力木", "热依拉", "叶尔兰", "萨仁"];
    private static readonly string[] Ethnicities = ["汉族", "蒙古族", "哈萨克族", "维吾尔族", "回族"];

    public async Task SeedAsync(CivilAffairsDbContext db, CancellationToken cancellationToken)
    {
        await SeedUsersAsync(cancellationToken);
        if (!await db.People.IgnoreQueryFilters().AnyAsync(cancellationToken))
        {
            db.People.AddRange(GeneratePeople(clock.Today()));
            await db.SaveChangesAsync(cancellationToken);
        }
    }

    private async Task SeedUsersAsync(CancellationToken cancellationToken)
    {
        foreach (var account in DemoAccounts.All)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (await users.FindByNameAsync(account.UserName) is not null)
            {
                continue;
            }

            var user = new AppUser
            {
                UserName = account.UserName,
                DisplayName = account.DisplayName,
                DivisionCode = account.DivisionCode,
                ServiceLineList = ServiceLines.Format(account.Lines),
                LockoutEnabled = true,
            };
            Check(await users.CreateAsync(user, DemoAccounts.Password), account.UserName);
            Check(await users.AddToRoleAsync(user, account.Role), account.UserName);
        }
    }

    private static void Check(IdentityResult result, string userName)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"Could not create demo user {userName}: {string.Join("; ", result.Errors.Select(e => e.Description))}");
        }
    }

    /// <summary>Persons spread over every county and 乡镇/街道, with valid, unique ID numbers.</summary>
    public static IEnumerable<Person> GeneratePeople(DateOnly today)
    {
        var random = new Random(2026);
        var places = DivisionCatalog.All.Where(d => d.Level == DivisionLevel.Township).ToList();
        var used = new HashSet<string>();
        for (var i = 0; i < DemoPersonCount; i++)
        {
            var place = places[i % places.Count];
            var county = place.ParentCode!;
            // A quarter are 80 or older, so the high-age allowance has people to pay.
            var age = i % 4 == 0 ? random.Next(80, 99) : random.Next(1, 79);
            var birth = today.AddYears(-age).AddDays(-random.Next(1, 360));
            string number;
            do
            {
                var first17 = $"{county}{birth:yyyyMMdd}{random.Next(1, 999):000}";
                number = first17 + ResidentId.CheckCharacter(first17);
            }
            while (!used.Add(number));

            var id = ResidentId.Parse(number, today);
            var name = Surnames[random.Next(Surnames.Length)] + GivenNames[random.Next(GivenNames.Length)];
            yield return new Person(id, name, place.Code)
            {
                Ethnicity = Ethnicities[random.Next(Ethnicities.Length)],
                Phone = $"139{random.Next(10000000, 99999999)}",
            };
        }
    }
}
