using System.Globalization;

namespace CivilAffairs.Benchmarks;

/// <summary>Command-line options; sizes default to the Xinjiang-scale data set of the issue.</summary>
internal sealed record BenchOptions
{
    public const string Usage = """
        dotnet run -c Release --project CivilAffairs.Benchmarks -- [options]

          --persons N       persons in the register               (default 1,000,000)
          --payments N      high-age allowance payment rows       (default 10,000,000)
          --facilities N    care facilities                       (default persons × 3%)
          --visits N        care visits                           (default = persons)
          --adaptations N   home adaptations                      (default persons × 5%)
          --trainings N     caregiver trainings                   (default persons × 2%)
          --db PATH         SQLite file (default: <temp>/civilaffairs-bench/bench-<persons>-<payments>.db);
                            reused when it already holds this data set
          --regenerate      delete and rebuild the file
          --runs N          measured runs of each side            (default 15)
          --warmup N        warm-up runs of each side             (default 2)
          --profile         also time each SQL statement the engine sends and print its query plan
          --sql STATEMENT   run a statement on the file before measuring (repeatable), e.g. to try an index;
                            it stays in the file
          --pdf             instead: time the PDF engine on a ~100-page table document (default 9 runs)
          --pdf-rows N      rows of that table                    (default 3,300)
        """;

    public string DbPath { get; init; } = string.Empty;

    public int Persons { get; init; } = 1_000_000;

    public int Payments { get; init; } = 10_000_000;

    public int Facilities { get; init; }

    public int Visits { get; init; }

    public int Adaptations { get; init; }

    public int Trainings { get; init; }

    public bool Regenerate { get; init; }

    public int Runs { get; init; } = 15;

    public int Warmup { get; init; } = 2;

    public bool Profile { get; init; }

    public IReadOnlyList<string> Sql { get; init; } = [];

    public bool Pdf { get; init; }

    public int PdfRows { get; init; } = 3_300;

    public static BenchOptions? Parse(string[] args)
    {
        int? runs = null;
        int? persons = null, payments = null, facilities = null, visits = null, adaptations = null, trainings = null;
        string? db = null;
        var options = new BenchOptions();
        var sql = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.");
            int NextInt() => int.Parse(Next().Replace("_", string.Empty, StringComparison.Ordinal).Replace(",", string.Empty, StringComparison.Ordinal), NumberStyles.Integer, CultureInfo.InvariantCulture);
            switch (args[i])
            {
                case "--persons": persons = NextInt(); break;
                case "--payments": payments = NextInt(); break;
                case "--facilities": facilities = NextInt(); break;
                case "--visits": visits = NextInt(); break;
                case "--adaptations": adaptations = NextInt(); break;
                case "--trainings": trainings = NextInt(); break;
                case "--db": db = Next(); break;
                case "--regenerate": options = options with { Regenerate = true }; break;
                case "--runs": runs = Math.Max(1, NextInt()); break;
                case "--pdf": options = options with { Pdf = true }; break;
                case "--pdf-rows": options = options with { PdfRows = Math.Max(1, NextInt()) }; break;
                case "--warmup": options = options with { Warmup = Math.Max(0, NextInt()) }; break;
                case "--profile": options = options with { Profile = true }; break;
                case "--sql": sql.Add(Next()); break;
                case "-h" or "--help": return null;
                default: throw new ArgumentException($"Unknown option '{args[i]}'.");
            }
        }

        var p = persons ?? options.Persons;
        var a = payments ?? options.Payments;
        if (p < 1_000)
        {
            throw new ArgumentException("--persons must be at least 1,000.");
        }

        return options with
        {
            Runs = runs ?? (options.Pdf ? 9 : options.Runs),
            Persons = p,
            Payments = a,
            Facilities = facilities ?? Math.Max(100, p * 3 / 100),
            Visits = visits ?? p,
            Adaptations = adaptations ?? p / 20,
            Trainings = trainings ?? Math.Max(100, p / 50),
            Sql = sql,
            DbPath = Path.GetFullPath(db ?? Path.Combine(Path.GetTempPath(), "civilaffairs-bench", $"bench-{p}-{a}.db")),
        };
    }
}
