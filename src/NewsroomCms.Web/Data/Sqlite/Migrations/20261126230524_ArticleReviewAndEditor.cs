using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NewsroomCms.Web.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class ArticleReviewAndEditor : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "ReviewStartedAt",
                table: "Articles",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "UpdatedById",
                table: "Articles",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Articles_UpdatedById",
                table: "Articles",
                column: "UpdatedById");

            migrationBuilder.AddForeignKey(
                name: "FK_Articles_AspNetUsers_UpdatedById",
                table: "Articles",
                column: "UpdatedById",
                principalTable: "AspNetUsers",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Articles_AspNetUsers_UpdatedById",
                table: "Articles");

            migrationBuilder.DropIndex(
                name: "IX_Articles_UpdatedById",
                table: "Articles");

            migrationBuilder.DropColumn(
                name: "ReviewStartedAt",
                table: "Articles");

            migrationBuilder.DropColumn(
                name: "UpdatedById",
                table: "Articles");
        }
    }
}
