#!/usr/bin/env python3
"""A counselor's day in a real browser: headless Chromium driven by Selenium against a running `bekal serve`.

Run by BrowserFlowTests.swift. Arguments: BASE_URL PASSWORD_FILE PHOTO ARTIFACT_DIR DOWNLOAD_DIR.
The account name is in BEKAL_ACCOUNT. On success prints one JSON line (the new person's id and the downloaded
export's path) and exits 0; any step that does not show what it should exits 1 with the step named on stderr.
Never skips: a missing browser, driver or Selenium is a failure (scripts/bootstrap.sh installs them).
The values typed are fake (no real person).
"""
import json
import os
import sys
import time

from browser_kit import StepFailed, check, follow, sign_in, start_browser
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

BASE, PASSWORD_FILE, PHOTO, ARTIFACTS, DOWNLOADS = sys.argv[1:6]
ACCOUNT = os.environ["BEKAL_ACCOUNT"]
PERSON_NAME = "Contoh Peramban Satu"
REGISTER = "BRW-0001/2026"


def shot(driver, name):
    driver.save_screenshot(os.path.join(ARTIFACTS, name + ".png"))


def body(driver):
    return driver.find_element(By.TAG_NAME, "body").text


def fill(driver, values):
    for name, value in values.items():
        field = driver.find_element(By.NAME, name)
        if field.tag_name == "select":
            Select(field).select_by_value(value)
        else:
            field.clear()
            field.send_keys(value)


def submit(driver):
    follow(driver, driver.find_element(By.CSS_SELECTOR, "main form button[type=submit]"))


def flow(driver):
    # Signing in: an unauthenticated visit lands on the login page.
    driver.get(BASE + "/")
    check(driver.current_url.endswith("/masuk"), "the home page redirects to /masuk before signing in")
    check(driver.find_element(By.TAG_NAME, "html").get_attribute("lang") == "id", "the login page is Indonesian")
    shot(driver, "masuk")
    sign_in(driver, BASE, ACCOUNT, PASSWORD_FILE)
    check(not driver.current_url.endswith("/masuk"), "signing in leaves the login page")
    check("Beranda" in body(driver), "the Beranda is shown after signing in")
    check(driver.get_cookie("bekal_session") is not None and driver.get_cookie("bekal_session")["httpOnly"],
          "the session cookie is HttpOnly")

    # Adding a person.
    driver.get(BASE + "/wbp/baru")
    fill(driver, {"fullName": PERSON_NAME, "registerNumber": REGISTER, "admissionDate": "3 Maret 2026",
                  "expectedReleaseDate": "10 Februari 2027"})
    submit(driver)
    check("WBP ditambahkan." in body(driver), "adding a person says WBP ditambahkan.")
    person_url = driver.current_url.split("?")[0]
    person_id = person_url.rstrip("/").rsplit("/", 1)[1]
    check(driver.find_element(By.ID, "expected-release").text.startswith("10 Februari 2027"),
          "the person's page shows the expected release date")

    # An assessment with a photo, uploaded through the file input.
    follow(driver, driver.find_element(By.CSS_SELECTOR, "a[href$='/asesmen']"))
    unit = Select(driver.find_element(By.NAME, "unit")).options[0].get_attribute("value")
    fill(driver, {"unit": unit, "outcome": "K", "assessor": "Asesor Peramban", "role": "bnsp-assessor",
                  "method": "observation"})
    driver.find_element(By.NAME, "evidence").send_keys(PHOTO)
    shot(driver, "asesmen")
    submit(driver)
    check("Tersimpan." in body(driver), "saving the assessment says Tersimpan.")
    check(driver.find_elements(By.CSS_SELECTOR, "a[href^='/bukti/']"), "the uploaded photo is linked from the page")

    # A training record, then its correction (the original stays in the history).
    driver.get(person_url + "/pelatihan")
    fill(driver, {"hours": "3,5", "topic": "Mencanting", "trainer": "Mentor Peramban"})
    submit(driver)
    check("3,5 jam" in body(driver), "the training hours show as 3,5 jam")
    follow(driver, driver.find_element(By.CSS_SELECTOR, "a[href$='/koreksi']"))
    fill(driver, {"hours": "tiga"})
    driver.find_element(By.NAME, "reason").send_keys("salah ketik")
    submit(driver)
    check("Isi angka seperti 3,5." in body(driver), "a wrong number is refused in Indonesian next to the field")
    fill(driver, {"hours": "4", "reason": "salah ketik"})
    submit(driver)
    check("Koreksi tersimpan" in body(driver) and "4 jam" in body(driver), "the correction is saved and shown")

    # A remisi moves the expected release date.
    driver.get(person_url + "/remisi")
    fill(driver, {"decree": "SK-PERAMBAN/1/2026", "kind": "general", "months": "1"})
    submit(driver)
    check(driver.find_element(By.ID, "expected-release").text.startswith("10 Januari 2027"),
          "the remisi of one month moves the release date to 10 Januari 2027")
    shot(driver, "wbp")

    # The Beranda lists the person as due within 90 days.
    driver.get(BASE + "/")
    check(PERSON_NAME in body(driver), "the Beranda lists the person due for release")
    shot(driver, "beranda")

    # Exporting: the signed file downloads.
    driver.get(person_url)
    follow(driver, driver.find_element(By.CSS_SELECTOR, "form[action$='/ekspor'] button"))
    check("Sah" in body(driver), "the export page shows the verdict")
    driver.find_element(By.CSS_SELECTOR, "a[href$='/portofolio.json']").click()
    downloaded = os.path.join(DOWNLOADS, person_id + ".json")  # the file name the server gives (the internal id)
    deadline = time.time() + 20
    while not os.path.exists(downloaded) and time.time() < deadline:
        time.sleep(0.2)
    check(os.path.exists(downloaded), "the signed export is downloaded, named by the person's internal id")

    # English one click away, on the same page.
    driver.get(person_url)
    follow(driver, driver.find_element(By.CSS_SELECTOR, "a.lang"))
    check(driver.find_element(By.TAG_NAME, "html").get_attribute("lang") == "en", "the language link switches to English")
    check("Expected release" in body(driver) and "10 January 2027" in body(driver), "the person's page reads in English")
    check(driver.current_url.split("?")[0] == person_url, "switching language stays on the same page")
    follow(driver, driver.find_element(By.CSS_SELECTOR, "a.lang"))
    check(driver.find_element(By.TAG_NAME, "html").get_attribute("lang") == "id", "and back to Indonesian")

    # Signing out ends the session.
    follow(driver, driver.find_element(By.CSS_SELECTOR, "form[action='/keluar'] button"))
    driver.get(person_url)
    check(driver.current_url.endswith("/masuk"), "after signing out the person's page asks to sign in")
    return person_url, person_id, downloaded


def phone(person_url):
    """A phone in the workshop (Chrome's mobile emulation, 390 x 844): the page takes the device width, nothing
    is wider than the screen, and the evidence field opens the camera."""
    driver = start_browser(DOWNLOADS, mobile=True)
    try:
        sign_in(driver, BASE, ACCOUNT, PASSWORD_FILE)
        for path in ("/", person_url[len(BASE):], person_url[len(BASE):] + "/asesmen"):
            driver.get(BASE + path)
            page = path.split("/")[-1] or "beranda"
            inner = driver.execute_script("return window.innerWidth")
            width = driver.execute_script("return document.documentElement.scrollWidth")
            check(inner == 390, "the page takes the phone's width on %s (layout viewport %d px)" % (page, inner))
            check(width <= inner, "no sideways scrolling on the phone on %s (%d > %d)" % (page, width, inner))
        check(driver.find_element(By.NAME, "evidence").get_attribute("capture") is not None,
              "the evidence field opens the phone's camera")
        shot(driver, "asesmen-ponsel")
        driver.get(person_url)
        shot(driver, "wbp-ponsel")
    except StepFailed:
        shot(driver, "failed-ponsel")
        raise
    finally:
        driver.quit()


def main():
    os.makedirs(ARTIFACTS, exist_ok=True)
    os.makedirs(DOWNLOADS, exist_ok=True)
    driver = start_browser(DOWNLOADS)
    try:
        person_url, person_id, downloaded = flow(driver)
    except StepFailed as failure:
        shot(driver, "failed")
        sys.exit("step failed: %s (at %s)" % (failure, driver.current_url.replace(BASE, "")))
    finally:
        driver.quit()
    try:
        phone(person_url)
    except StepFailed as failure:
        sys.exit("step failed: %s" % failure)
    print(json.dumps({"person": person_id, "download": downloaded}))

if __name__ == "__main__":
    main()
