using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Weerbaar.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class PackHandouts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "PackHandouts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    GemeenteCode = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    PackId = table.Column<Guid>(type: "TEXT", nullable: false),
                    NoodsteunpuntId = table.Column<Guid>(type: "TEXT", nullable: false),
                    WithRegister = table.Column<bool>(type: "INTEGER", nullable: false),
                    PackNumber = table.Column<int>(type: "INTEGER", nullable: false),
                    RecipientName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    RecipientRole = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Note = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    HandedOutOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    RecordedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    RecordedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ReplacedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ReplacedById = table.Column<Guid>(type: "TEXT", nullable: true),
                    ReturnedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ReturnedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PackHandouts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PackHandouts_CrisisPacks_PackId",
                        column: x => x.PackId,
                        principalTable: "CrisisPacks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "PackReprintSchedules",
                columns: table => new
                {
                    GemeenteCode = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    IntervalMonths = table.Column<int>(type: "INTEGER", nullable: false),
                    ReminderEmail = table.Column<string>(type: "TEXT", maxLength: 254, nullable: true),
                    LastReminderAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    UpdatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PackReprintSchedules", x => x.GemeenteCode);
                });

            migrationBuilder.CreateIndex(
                name: "IX_PackHandouts_GemeenteCode_NoodsteunpuntId_WithRegister",
                table: "PackHandouts",
                columns: new[] { "GemeenteCode", "NoodsteunpuntId", "WithRegister" });

            migrationBuilder.CreateIndex(
                name: "IX_PackHandouts_PackId",
                table: "PackHandouts",
                column: "PackId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "PackHandouts");

            migrationBuilder.DropTable(
                name: "PackReprintSchedules");
        }
    }
}
