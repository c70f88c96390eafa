using CivilAffairs.Core.Common;
using CivilAffairs.Core.Data;
using CivilAffairs.Core.Divisions;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CivilAffairs.Core.Security;

public sealed record UserRow(string Id, string UserName, string DisplayName, string? Role, string DivisionCode, string ServiceLineList, bool IsDisabled, DateTimeOffset? LockoutEnd)
{
    public string DivisionName => DivisionCatalog.NameOf(DivisionCode);

    public IReadOnlySet<ServiceLine> Lines => ServiceLines.Parse(ServiceLineList);
}

/// <summary>What an administrator edits about a user.</summary>
public sealed class UserForm
{
    public string? Id { get; set; }

    public string UserName { get; set; } = string.Empty;

    public string DisplayName { get; set; } = string.Empty;

    public string Role { get; set; } = Roles.Staff;

    public string DivisionCode { get; set; } = DivisionCatalog.PrefectureCode;

    public IReadOnlyCollection<ServiceLine> Lines { get; set; } = [];

    public bool IsDisabled { get; set; }

    /// <summary>Only for a new user.</summary>
    public string? Password { get; set; }
}

/// <summary>User management for administrators. Every change renews the security stamp, so the user's open sessions end within a minute.</summary>
public sealed class UserAdministration(
    IServiceScopeFactory scopes,
    IDbContextFactory<CivilAffairsDbContext> factory,
    ICurrentUser currentUser)
{
    /// <summary>
    /// Identity's stores hold a tracking context; a fresh scope per operation keeps a long-lived
    /// circuit from saving stale users. The scope acts as the calling administrator.
    /// </summary>
    private async Task<T> WithUsersAsync<T>(Func<UserManager<AppUser>, Task<T>> action)
    {
        RequireAdministrator();
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().Override = currentUser.User;

        // Identity saves after each step (user, roles, stamp); one transaction makes them all-or-nothing.
        var db = scope.ServiceProvider.GetRequiredService<CivilAffairsDbContext>();
        await using var transaction = await db.Database.BeginTransactionAsync();
        var result = await action(scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>());
        await transaction.CommitAsync();
        return result;
    }

    public async Task<PagedResult<UserRow>> ListAsync(string? text, PageRequest page, CancellationToken cancellationToken = default)
    {
        RequireAdministrator();
        await using var db = factory.CreateDbContext();
        // Filter, sort and page over plain columns; the record is built only for the page's rows
        // (EF cannot translate an ORDER BY over a member of a constructor projection).
        var query = from u in db.Users.AsNoTracking()
                    select new
                    {
                        u.Id,
                        UserName = u.UserName!,
                        u.DisplayName,
                        Role = (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id where ur.UserId == u.Id select r.Name).FirstOrDefault(),
                        u.DivisionCode,
                        u.ServiceLineList,
                        u.IsDisabled,
                        u.LockoutEnd,
                    };
        if (!string.IsNullOrWhiteSpace(text))
        {
            var t = text.Trim();
            query = query.Where(u => u.UserName.Contains(t) || u.DisplayName.Contains(t));
        }

        var total = await query.CountAsync(cancellationToken);
        query = (page.SortBy, page.Descending) switch
        {
            (nameof(UserRow.DisplayName), false) => query.OrderBy(u => u.DisplayName).ThenBy(u => u.UserName),
            (nameof(UserRow.DisplayName), true) => query.OrderByDescending(u => u.DisplayName).ThenBy(u => u.UserName),
            (nameof(UserRow.Role), false) => query.OrderBy(u => u.Role).ThenBy(u => u.UserName),
            (nameof(UserRow.Role), true) => query.OrderByDescending(u => u.Role).ThenBy(u => u.UserName),
            (nameof(UserRow.DivisionCode), false) => query.OrderBy(u => u.DivisionCode).ThenBy(u => u.UserName),
            (nameof(UserRow.DivisionCode), true) => query.OrderByDescending(u => u.DivisionCode).ThenBy(u => u.UserName),
            (_, true) => query.OrderByDescending(u => u.UserName),
            _ => query.OrderBy(u => u.UserName),
        };
        var rows = await query.Skip(page.Skip).Take(page.Size).ToListAsync(cancellationToken);
        return new PagedResult<UserRow>(
            rows.Select(u => new UserRow(u.Id, u.UserName, u.DisplayName, u.Role, u.DivisionCode, u.ServiceLineList, u.IsDisabled, u.LockoutEnd)).ToList(),
            total);
    }

    public Task<string> CreateAsync(UserForm form) => WithUsersAsync(async users =>
    {
        Validate(form);
        var user = new AppUser { UserName = form.UserName.Trim(), LockoutEnabled = true };
        Apply(user, form);
        Check(await users.CreateAsync(user, form.Password ?? string.Empty));
        Check(await users.AddToRoleAsync(user, form.Role));
        return user.Id;
    });

    public Task UpdateAsync(UserForm form) => WithUsersAsync(async users =>
    {
        Validate(form);
        var user = await users.FindByIdAsync(form.Id ?? string.Empty) ?? throw new DomainException("该用户不存在。");
        if (user.Id == currentUser.User.UserId && (form.IsDisabled || form.Role != Roles.Administrator))
        {
            throw new DomainException("不能停用自己的账户或取消自己的管理员角色。");
        }

        Apply(user, form);
        Check(await users.UpdateAsync(user));
        var current = await users.GetRolesAsync(user);
        if (!current.SequenceEqual([form.Role]))
        {
            Check(await users.RemoveFromRolesAsync(user, current));
            Check(await users.AddToRoleAsync(user, form.Role));
        }

        // Ends the user's sessions at the next validation (cookie: 1 minute, open circuits: 1 minute).
        Check(await users.UpdateSecurityStampAsync(user));
        return true;
    });

    public Task ResetPasswordAsync(string userId, string newPassword) => WithUsersAsync(async users =>
    {
        var user = await users.FindByIdAsync(userId) ?? throw new DomainException("该用户不存在。");
        var token = await users.GeneratePasswordResetTokenAsync(user);
        Check(await users.ResetPasswordAsync(user, token, newPassword));
        Check(await users.SetLockoutEndDateAsync(user, null));
        Check(await users.ResetAccessFailedCountAsync(user));
        return true;
    });

    public Task UnlockAsync(string userId) => WithUsersAsync(async users =>
    {
        var user = await users.FindByIdAsync(userId) ?? throw new DomainException("该用户不存在。");
        Check(await users.SetLockoutEndDateAsync(user, null));
        Check(await users.ResetAccessFailedCountAsync(user));
        return true;
    });

    private static void Apply(AppUser user, UserForm form)
    {
        user.DisplayName = form.DisplayName.Trim();
        user.DivisionCode = form.DivisionCode;
        user.ServiceLineList = form.Role == Roles.Staff ? ServiceLines.Format(form.Lines) : string.Empty;
        user.IsDisabled = form.IsDisabled;
    }

    private static void Validate(UserForm form)
    {
        if (string.IsNullOrWhiteSpace(form.UserName))
        {
            throw new DomainException("请填写用户名。");
        }

        if (string.IsNullOrWhiteSpace(form.DisplayName) || form.DisplayName.Trim().Length > AppUser.DisplayNameMaxLength)
        {
            throw new DomainException($"请填写姓名（不超过 {AppUser.DisplayNameMaxLength} 个字）。");
        }

        if (!Roles.All.Contains(form.Role))
        {
            throw new DomainException("请选择角色。");
        }

        var division = DivisionCatalog.Find(form.DivisionCode);
        if (division is null || !(division.Level != DivisionLevel.Township || division.IsTownshipLevel))
        {
            throw new DomainException("管辖范围须为全州、一个县市或一个乡镇/街道。");
        }

        if (form.Role == Roles.Staff && form.Lines.Count == 0)
        {
            throw new DomainException("业务人员至少需要授权一个业务条线。");
        }

        if (form.Id is null)
        {
            if (CharacterClassPasswordValidator.Validate(form.Password) is { } error)
            {
                throw new DomainException(error);
            }
        }
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new DomainException(string.Join("；", result.Errors.Select(e => e.Description)));
        }
    }

    private void RequireAdministrator()
    {
        if (!currentUser.User.IsInRole(Roles.Administrator))
        {
            throw new AccessDeniedException("只有系统管理员可以管理用户。");
        }
    }
}
