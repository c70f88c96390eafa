using System.Reflection;
using System.Text;

namespace CivilAffairs.Core.Divisions;

/// <summary>
/// The prefecture's division hierarchy, read once from the CSV embedded in this assembly. It is the
/// source of the seeded <see cref="Division"/> rows and of in-memory lookups (names for codes).
/// </summary>
public static class DivisionCatalog
{
    public const string PrefectureCode = "652700";

    private static readonly Lazy<IReadOnlyList<Division>> Rows = new(Load);

    public static IReadOnlyList<Division> All => Rows.Value;

    public static Division? Find(string? code) => All.FirstOrDefault(d => d.Code == code);

    public static string NameOf(string? code) => Find(code)?.Name ?? code ?? string.Empty;

    private static List<Division> Load()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("CivilAffairs.Core.divisions-bortala.csv")
            ?? throw new InvalidOperationException("The division CSV is not embedded.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var header = reader.ReadLine();
        if (header is null || !header.StartsWith("code,name,parent_code,kind", StringComparison.Ordinal))
        {
            throw new InvalidOperationException("The division CSV has an unexpected header.");
        }

        var list = new List<Division>();
        while (reader.ReadLine() is { } line)
        {
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            var cells = line.Split(',');
            list.Add(new Division(cells[0], cells[1], cells[2].Length == 0 ? null : cells[2], DivisionKindExtensions.FromCsv(cells[3])));
        }

        return list;
    }
}
