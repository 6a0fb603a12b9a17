"""The user's own words: quoted thread, signature and quoted speech set aside, offsets kept."""
from backend.checker.draft import MASK, Draft


def _kept(view: str) -> str:
    return " ".join(view.replace(MASK, " ").split())


def test_views_keep_the_body_length_so_offsets_hold():
    body = 'Hi,\n"quoted" words\n\nBest,\nSam\n\nOn Mon, Mar 9 Anna <a@b.c> wrote:\n> old'
    draft = Draft(body)
    assert len(draft.mine) == len(draft.prose) == len(draft.text) == len(body)


def test_a_gmail_thread_and_what_follows_are_not_the_users():
    draft = Draft("Thanks Anna!\n\nOn Mon, Mar 9, 2026 at 10:02 AM Anna Park <anna@x.com> "
                  "wrote:\n> I need an answer by Friday\n> Anna")
    assert _kept(draft.mine) == "Thanks Anna!"


def test_a_wrapped_on_wrote_line_starts_the_thread():
    draft = Draft("Thanks!\n\nOn Tue, Mar 10, 2026 at 3:44 PM Tom Becker <tom@x.com>\nwrote:\n"
                  "> PLEASE RESPOND")
    assert _kept(draft.mine) == "Thanks!"


def test_outlook_headers_and_original_message_start_the_thread():
    for separator in ("-----Original Message-----\nFrom: Tom\nSent: Tuesday",
                      "From: Sandra Diaz\nSent: Wednesday, April 1, 2026 9:00 AM\nTo: Kim",
                      "---------- Forwarded message ---------\nFrom: Jobs"):
        draft = Draft(f"Thank you, Tom.\n\n{separator}\nWe need your answer by tomorrow.")
        assert _kept(draft.mine) == "Thank you, Tom.", separator


def test_quoted_lines_are_set_aside_wherever_they_are():
    draft = Draft("Hi Marcus,\n> Why haven't you responded???\nThat was not mine. Thanks!")
    assert _kept(draft.mine) == "Hi Marcus, That was not mine. Thanks!"


def test_the_signature_after_a_closing_is_set_aside_but_the_closing_stays():
    draft = Draft("Any update?\n\nBest regards,\nOMAR FAROUK\nSENIOR DATA ENGINEER\n555-0101")
    assert _kept(draft.prose) == "Any update? Best regards,"
    assert "OMAR FAROUK" in draft.mine  # placeholders are still looked for there


def test_a_dash_dash_line_starts_the_signature():
    draft = Draft("Any update?\n--\nROSA MARTINEZ\n\"EVERY CHILD CAN LEARN!!!\"")
    assert _kept(draft.prose) == "Any update?"


def test_a_trailing_name_block_is_a_signature():
    draft = Draft("I would love an update.\n\nHannah Cole\nSENIOR VISUAL DESIGNER\nh@x.com")
    assert _kept(draft.prose) == "I would love an update."


def test_a_postscript_after_the_signature_is_the_users_again():
    draft = Draft("Thanks!\n\nBest,\nSam\nP.S. I need an answer by Friday.")
    assert "I need an answer by Friday." in draft.prose
    assert "Sam" not in draft.prose


def test_a_long_last_paragraph_after_a_closing_is_not_a_signature():
    lines = "\n".join(f"Line {n} of a long note that goes on." for n in range(8))
    draft = Draft(f"Thanks,\n{lines}")
    assert "Line 7" in draft.prose


def test_quoted_speech_is_set_aside_in_text_only():
    draft = Draft('You said "we need an answer by Friday", so I waited. “No rush” too.')
    assert "we need" not in draft.text and "No rush" not in draft.text
    assert "we need" in draft.prose
    assert _kept(draft.text) == "You said , so I waited. too."


def test_a_draft_that_is_nothing_but_quotes_is_the_writers_own():
    # No words of the user's frame the quotes as someone else's: the writer typed them.
    for body in ('''"Why didn't you call me"? “The least you can do is call me.”''', "“Screw you.”"):
        assert Draft(body).text == body
    assert "we need" not in Draft('You said "we need an answer".').text


def test_a_draft_of_only_quotes_is_checked_like_any_other():
    from backend.checker import check

    assert "aggressive" in {f.rule for f in check("“Why haven't you replied to me yet?!”")}
    framed = {f.rule for f in check("You wrote “Why haven't you replied to me yet?!”, I think.")}
    assert "aggressive" not in framed


def test_word_count_leaves_out_thread_and_signature():
    draft = Draft("One two three four.\n\nBest,\nSam Lee\n\nOn Mon Anna wrote:\n> five six")
    assert draft.word_count == 5  # "One two three four" and "Best"


def test_sentence_and_the_words_before_a_match():
    draft = Draft("Hello there. I don't have other offers, but thanks.")
    start = draft.text.index("other")
    assert draft.text[slice(*draft.sentence(start))].strip() == (
        "I don't have other offers, but thanks.")
    assert draft.clause_before(start).strip() == "I don't have"


def test_carriage_returns_and_zero_width_spaces_do_not_hide_a_thread():
    draft = Draft("Thanks!\r\n\r\nOn Mon, Mar 9 Anna <a@x.com> wrote:\r\n> PLEASE RESPOND\u200b")
    assert _kept(draft.mine) == "Thanks!"
