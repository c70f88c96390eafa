using CivilAffairs.Core.Divisions;
using CivilAffairs.Core.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CivilAffairs.Core.Data.Seeding;

/// <summary>Reference data every installation needs: the division hierarchy and the four roles.</summary>
public sealed class ReferenceDataSeeder(RoleManager<IdentityRole> roles, UserManager<AppUser> users, IOptions<DatabaseOptions> options)
{
    public async Task SeedAsync(CivilAffairsDbContext db, CancellationToken cancellationToken)
    {
        await SeedDivisionsAndRolesAsync(db, cancellationToken);
        await Common.OfficialCalendarService.SeedAsync(db, cancellationToken);
        await SeedInitialAdministratorAsync(db, cancellationToken);
    }

    private async Task SeedInitialAdministratorAsync(CivilAffairsDbContext db, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (string.IsNullOrWhiteSpace(settings.InitialAdminUserName) || string.IsNullOrEmpty(settings.InitialAdminPassword)
            || await db.Users.AnyAsync(cancellationToken))
        {
            return;
        }

        var admin = new AppUser
        {
            UserName = settings.InitialAdminUserName.Trim(),
            DisplayName = "系统管理员",
            DivisionCode = DivisionCatalog.PrefectureCode,
            LockoutEnabled = true,
        };
        var result = await users.CreateAsync(admin, settings.InitialAdminPassword);
        if (result.Succeeded)
        {
            result = await users.AddToRoleAsync(admin, Roles.Administrator);
        }

        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"Could not create the initial administrator: {string.Join("; ", result.Errors.Select(e => e.Description))}");
        }
    }

    private async Task SeedDivisionsAndRolesAsync(CivilAffairsDbContext db, CancellationToken cancellationToken)
    {
        var existing = await db.Divisions.Select(d => d.Code).ToListAsync(cancellationToken);
        // Parents first, so the self-reference is satisfied row by row.
        foreach (var division in DivisionCatalog.All.OrderBy(d => d.Level).Where(d => !existing.Contains(d.Code)))
        {
            db.Divisions.Add(new Division(division.Code, division.Name, division.ParentCode, division.Kind));
        }

        await db.SaveChangesAsync(cancellationToken);

        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                var result = await roles.CreateAsync(new IdentityRole(role));
                if (!result.Succeeded)
                {
                    throw new InvalidOperationException($"Could not create role {role}: {string.Join("; ", result.Errors.Select(e => e.Description))}");
                }
            }
        }
    }
}
