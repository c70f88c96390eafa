namespace CivilAffairs.Portal.Security;

internal static class LocalUrl
{
    /// <summary>True for a path on this site ("/people"), false for anything that could leave it ("//host", "/\host", "http:…").</summary>
    public static bool IsLocal(string? url) =>
        !string.IsNullOrEmpty(url) && url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal) && !url.StartsWith("/\\", StringComparison.Ordinal)
        && !url.Any(char.IsControl);
}
