using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Weerbaar.Migrations.Postgres.Migrations
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
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    GemeenteCode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    PackId = table.Column<Guid>(type: "uuid", nullable: false),
                    NoodsteunpuntId = table.Column<Guid>(type: "uuid", nullable: false),
                    WithRegister = table.Column<bool>(type: "boolean", nullable: false),
                    PackNumber = table.Column<int>(type: "integer", nullable: false),
                    RecipientName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    RecipientRole = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Note = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    HandedOutOn = table.Column<DateOnly>(type: "date", nullable: false),
                    RecordedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    RecordedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ReplacedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    ReplacedById = table.Column<Guid>(type: "uuid", nullable: true),
                    ReturnedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    ReturnedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true)
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
                    GemeenteCode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    IntervalMonths = table.Column<int>(type: "integer", nullable: false),
                    ReminderEmail = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: true),
                    LastReminderAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    UpdatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
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
