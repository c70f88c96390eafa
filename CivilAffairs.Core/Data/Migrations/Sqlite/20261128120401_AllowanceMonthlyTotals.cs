using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CivilAffairs.Core.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AllowanceMonthlyTotals : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AllowanceMonthlyTotals",
                columns: table => new
                {
                    Period = table.Column<int>(type: "INTEGER", nullable: false),
                    DivisionCode = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    Payments = table.Column<int>(type: "INTEGER", nullable: false),
                    PaidAmount = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AllowanceMonthlyTotals", x => new { x.Period, x.DivisionCode });
                });

            // Existing payments get their totals (payments written from now on keep them current).
            migrationBuilder.Sql("INSERT INTO \"AllowanceMonthlyTotals\" (\"Period\", \"DivisionCode\", \"Payments\", \"PaidAmount\") SELECT \"Period\", \"DivisionCode\", SUM(CASE WHEN \"Status\" <> 3 THEN 1 ELSE 0 END), printf('%.2f', ROUND(TOTAL(CASE WHEN \"Status\" = 2 THEN CAST(\"Amount\" AS REAL) ELSE 0 END), 2)) FROM \"HighAgeAllowancePayments\" GROUP BY \"Period\", \"DivisionCode\";");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AllowanceMonthlyTotals");
        }
    }
}
