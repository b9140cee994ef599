-- 0008-board-language.sql: the language a community's boards, reports and
-- certificates are printed in, whatever the language of the desktop or of
-- the shell that prints them.  A board is a public notice for residents.
ALTER TABLE community ADD COLUMN board_language TEXT NOT NULL DEFAULT 'zh_CN'
  CHECK (board_language IN ('zh_CN', 'en'));
