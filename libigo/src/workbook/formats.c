/* The workbook's styles: inputs yellow and unlocked, results locked; Dutch money and percentages
 * (Excel shows "€ 1.234,56" in a Dutch locale from the format "€ #,##0.00"). */
#include "wb.h"

#define INPUT_FILL 0xFFF2CC
#define HEADER_FILL 0xDDEBF7
/* Zero shows as a dash, as in financial statements: the many empty rows of a model stay quiet. */
#define MONEY "\"€ \"#,##0.00;\"€ \"-#,##0.00;\"€ –\""
#define COUNT "#,##0.##########"
#define MONEY_QUIET "\"€ \"#,##0.00;\"€ \"-#,##0.00;"

static lxw_format *add(lxw_workbook *book, const char *num_format, int input)
{
    lxw_format *f = workbook_add_format(book);
    if (num_format)
        format_set_num_format(f, num_format);
    if (input) {
        format_set_bg_color(f, INPUT_FILL);
        format_set_unlocked(f);
        format_set_border(f, LXW_BORDER_THIN);
        format_set_border_color(f, 0xBFBFBF);
    }
    return f;
}

void igoi_wb_make_formats(lxw_workbook *book, wb_formats *f)
{
    f->title = add(book, NULL, 0);
    format_set_bold(f->title);
    format_set_font_size(f->title, 14);
    f->subtitle = add(book, NULL, 0);
    format_set_italic(f->subtitle);
    format_set_font_color(f->subtitle, 0x595959);
    f->bold = add(book, NULL, 0);
    format_set_bold(f->bold);
    f->header = add(book, NULL, 0);
    format_set_bold(f->header);
    format_set_bg_color(f->header, HEADER_FILL);
    format_set_text_wrap(f->header);
    format_set_align(f->header, LXW_ALIGN_VERTICAL_TOP);
    format_set_bottom(f->header, LXW_BORDER_THIN);
    f->text = add(book, NULL, 0);
    f->note = add(book, NULL, 0);
    format_set_text_wrap(f->note);
    format_set_align(f->note, LXW_ALIGN_VERTICAL_TOP);
    f->link = add(book, NULL, 0);
    format_set_underline(f->link, LXW_UNDERLINE_SINGLE);
    format_set_font_color(f->link, LXW_COLOR_BLUE);
    f->money = add(book, MONEY, 0);
    f->money_total = add(book, MONEY, 0);
    format_set_bold(f->money_total);
    format_set_top(f->money_total, LXW_BORDER_THIN);
    /* Counts may have decimals (hours, volumes); whole ones get their own format by
     * igoi_wb_count_style (a format cannot drop the decimal sign of a whole number). */
    f->count = add(book, COUNT, 0);
    f->whole = add(book, "#,##0", 0);   /* whole counts: women, admissions, days */
    f->ratio = add(book, "#,##0.0", 0);
    f->pct = add(book, "0.0%", 0);
    f->pct2 = add(book, "0.00%", 0);
    f->fraction = add(book, "0.000000", 0);
    f->index = add(book, "0", 0);
    f->in_money = add(book, MONEY, 1);
    f->in_count = add(book, COUNT, 1);
    f->in_pct = add(book, "0.00%", 1);
    f->in_text = add(book, NULL, 1);
    f->in_choice = add(book, NULL, 1);
    format_set_align(f->in_choice, LXW_ALIGN_CENTER);
    f->in_flag = add(book, "0", 1);
    format_set_align(f->in_flag, LXW_ALIGN_CENTER);
    f->in_note = add(book, NULL, 1);
    format_set_text_wrap(f->in_note);
    f->message = add(book, NULL, 0);
    format_set_font_color(f->message, 0x9C0006);
    f->fail = add(book, "0", 0);
    format_set_bold(f->fail);
    f->red = add(book, NULL, 0);
    format_set_bg_color(f->red, 0xFFC7CE);
    format_set_font_color(f->red, 0x9C0006);
    f->money_quiet = add(book, MONEY_QUIET, 0);
    f->pct_quiet = add(book, "0.0%;-0.0%;", 0);
    f->index_quiet = add(book, "#,##0;-#,##0;", 0);
    /* WB_NO_CAP and above: no cap, shown as a dash. */
    f->money_cap = add(book, "[>=10000000000000]\"–\";\"€ \"#,##0.00", 0);
    f->in_year = add(book, "0", 1);
    f->whole_cf = workbook_add_format(book);
    format_set_num_format(f->whole_cf, "#,##0");
}
