using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Weerbaar.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class ScanFieldwork : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.RenameColumn(
                name: "PendingToken",
                table: "ScanInvitations",
                newName: "ProtectedToken");

            migrationBuilder.AddColumn<string>(
                name: "ReminderDays",
                table: "ScanRounds",
                type: "text",
                nullable: false,
                defaultValue: "[14,3]");

            migrationBuilder.AddColumn<string>(
                name: "RemindersDone",
                table: "ScanRounds",
                type: "text",
                nullable: false,
                defaultValue: "[]");

            migrationBuilder.CreateTable(
                name: "ScanImportDrafts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    RoundId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    FileName = table.Column<string>(type: "character varying(260)", maxLength: 260, nullable: false),
                    Content = table.Column<byte[]>(type: "bytea", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ScanImportDrafts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ScanImportDrafts_ScanRounds_RoundId",
                        column: x => x.RoundId,
                        principalTable: "ScanRounds",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ScanMailTemplates",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    RoundId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Subject = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Body = table.Column<string>(type: "character varying(10000)", maxLength: 10000, nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ScanMailTemplates", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ScanMailTemplates_ScanRounds_RoundId",
                        column: x => x.RoundId,
                        principalTable: "ScanRounds",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ScanImportDrafts_RoundId",
                table: "ScanImportDrafts",
                column: "RoundId");

            migrationBuilder.CreateIndex(
                name: "IX_ScanMailTemplates_RoundId_Kind",
                table: "ScanMailTemplates",
                columns: new[] { "RoundId", "Kind" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ScanImportDrafts");

            migrationBuilder.DropTable(
                name: "ScanMailTemplates");

            migrationBuilder.DropColumn(
                name: "ReminderDays",
                table: "ScanRounds");

            migrationBuilder.DropColumn(
                name: "RemindersDone",
                table: "ScanRounds");

            migrationBuilder.RenameColumn(
                name: "ProtectedToken",
                table: "ScanInvitations",
                newName: "PendingToken");
        }
    }
}
