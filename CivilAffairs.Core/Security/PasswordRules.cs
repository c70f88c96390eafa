using Microsoft.AspNetCore.Identity;

namespace CivilAffairs.Core.Security;

/// <summary>
/// The bureau's password rule: at least 8 characters drawn from at least three of upper case,
/// lower case, digits and symbols. Identity's built-in switches can only demand each class.
/// </summary>
public sealed class CharacterClassPasswordValidator : IPasswordValidator<AppUser>
{
    public const int MinimumLength = 8;
    public const int RequiredClasses = 3;

    public Task<IdentityResult> ValidateAsync(UserManager<AppUser> manager, AppUser user, string? password) =>
        Task.FromResult(Validate(password) is { } error
            ? IdentityResult.Failed(new IdentityError { Code = "PasswordClasses", Description = error })
            : IdentityResult.Success);

    /// <summary>Null when the password is acceptable, otherwise the reason in Chinese.</summary>
    public static string? Validate(string? password)
    {
        password ??= string.Empty;
        if (password.Length < MinimumLength)
        {
            return $"密码至少需要 {MinimumLength} 个字符。";
        }

        var classes = (password.Any(char.IsUpper) ? 1 : 0)
            + (password.Any(char.IsLower) ? 1 : 0)
            + (password.Any(char.IsDigit) ? 1 : 0)
            + (password.Any(c => !char.IsLetterOrDigit(c)) ? 1 : 0);
        return classes < RequiredClasses
            ? "密码须包含大写字母、小写字母、数字、符号中的至少三类。"
            : null;
    }
}

/// <summary>Identity's messages in Chinese, for the ones a user or administrator can meet.</summary>
public sealed class ChineseIdentityErrorDescriber : IdentityErrorDescriber
{
    public override IdentityError DuplicateUserName(string userName) =>
        new() { Code = nameof(DuplicateUserName), Description = $"用户名“{userName}”已被使用。" };

    public override IdentityError InvalidUserName(string? userName) =>
        new() { Code = nameof(InvalidUserName), Description = $"用户名“{userName}”无效，只能包含字母、数字和 -._@。" };

    public override IdentityError PasswordTooShort(int length) =>
        new() { Code = nameof(PasswordTooShort), Description = $"密码至少需要 {length} 个字符。" };

    public override IdentityError ConcurrencyFailure() =>
        new() { Code = nameof(ConcurrencyFailure), Description = "该用户已被其他人修改，请刷新后重试。" };

    public override IdentityError UserAlreadyInRole(string role) =>
        new() { Code = nameof(UserAlreadyInRole), Description = $"用户已属于角色 {Roles.ChineseName(role)}。" };

    public override IdentityError InvalidToken() =>
        new() { Code = nameof(InvalidToken), Description = "令牌无效或已过期。" };

    public override IdentityError DefaultError() =>
        new() { Code = nameof(DefaultError), Description = "操作失败，请稍后重试。" };
}

/// <summary>Refuses sign-in for disabled accounts (reported to the user as "not allowed").</summary>
public sealed class PortalSignInManager(
    UserManager<AppUser> userManager,
    Microsoft.AspNetCore.Http.IHttpContextAccessor contextAccessor,
    IUserClaimsPrincipalFactory<AppUser> claimsFactory,
    Microsoft.Extensions.Options.IOptions<IdentityOptions> optionsAccessor,
    Microsoft.Extensions.Logging.ILogger<SignInManager<AppUser>> logger,
    Microsoft.AspNetCore.Authentication.IAuthenticationSchemeProvider schemes,
    IUserConfirmation<AppUser> confirmation)
    : SignInManager<AppUser>(userManager, contextAccessor, claimsFactory, optionsAccessor, logger, schemes, confirmation)
{
    public override async Task<bool> CanSignInAsync(AppUser user) =>
        !user.IsDisabled && await base.CanSignInAsync(user);

    public override async Task<AppUser?> ValidateSecurityStampAsync(System.Security.Claims.ClaimsPrincipal? principal)
    {
        var user = await base.ValidateSecurityStampAsync(principal);
        return user is { IsDisabled: false } ? user : null;
    }
}

/// <summary>Puts display name, division scope and service lines into the sign-in cookie.</summary>
public sealed class PortalClaimsPrincipalFactory(
    UserManager<AppUser> userManager,
    RoleManager<IdentityRole> roleManager,
    Microsoft.Extensions.Options.IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<AppUser, IdentityRole>(userManager, roleManager, options)
{
    protected override async Task<System.Security.Claims.ClaimsIdentity> GenerateClaimsAsync(AppUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new(PortalClaimTypes.DisplayName, user.DisplayName));
        identity.AddClaim(new(PortalClaimTypes.Division, user.DivisionCode));
        identity.AddClaim(new(PortalClaimTypes.ServiceLines, user.ServiceLineList));
        return identity;
    }
}
