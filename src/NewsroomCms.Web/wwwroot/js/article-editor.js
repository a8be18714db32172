// The article editor: TinyMCE, autosave, a copy of unsaved text kept in this browser, the edit lock's
// heartbeat, photo uploads, tag suggestions and the sapo counter. Everything the server needs still works
// without this script (the form posts normally); the script makes sure nothing typed is ever lost.
(() => {
    'use strict';
    const form = document.getElementById('article-form');
    if (!form) {
        return;
    }

    const config = JSON.parse(form.dataset.editor);
    const text = config.strings;
    const format = (template, ...args) => template.replace(/\{(\d+)\}/g, (match, i) => (args[i] ?? match));
    const statusLine = document.getElementById('save-status');
    const versionInput = form.querySelector('input[name="Version"]');
    const storageKey = `newsroom:article:${config.articleId}`;
    let changes = 0;
    let savedChanges = 0;
    let saving = false;
    let leaving = false;
    // Someone else has the article open: nothing is saved from this page (the server refuses it anyway).
    let readOnly = config.readOnly;
    // No autosave for a published article: it changes for readers only when the editor presses Update.
    const autosaves = Boolean(config.autosaveUrl);
    // The button the form was sent with while an autosave was on its way: sent again once that is back.
    let sendAfterAutosave;

    const isDirty = () => changes !== savedChanges;

    function setStatus(message, isError = false) {
        statusLine.textContent = message;
        statusLine.classList.toggle('error', isError);
    }

    function fields() {
        if (window.tinymce?.get('Body')) {
            window.tinymce.get('Body').save();
        }

        const data = new FormData(form);
        data.delete('command');
        data.delete('__RequestVerificationToken');
        return data;
    }

    // --- A copy in this browser, so a failed save or a crash never loses text -----------------
    // `posted`: the copy was made as the form was sent, so it is what the server saved if that worked.
    function keepCopy(posted = false) {
        try {
            localStorage.setItem(storageKey, JSON.stringify({ keptAt: Date.now(), posted, fields: [...fields()] }));
        } catch {
            // Storage full or disabled: the server save is still attempted.
        }
    }

    function readCopy() {
        try {
            return JSON.parse(localStorage.getItem(storageKey) ?? 'null');
        } catch {
            return null;
        }
    }

    function dropCopy() {
        try {
            localStorage.removeItem(storageKey);
        } catch {
            // Nothing to do.
        }
    }

    const plain = html => {
        const doc = new DOMParser().parseFromString(html ?? '', 'text/html');
        return (doc.body.textContent ?? '').replace(/\s+/g, ' ').trim();
    };

    const meaningful = pairs => {
        const map = new Map();
        for (const [key, value] of pairs) {
            if (key !== 'Version') {
                map.set(key, [...(map.get(key) ?? []), key === 'Body' ? plain(value) : String(value).trim()]);
            }
        }

        return JSON.stringify([...map.entries()].sort());
    };

    function offerCopy(editor) {
        const copy = readCopy();
        if (!copy) {
            return;
        }

        // The form was sent from this copy and the article has been saved since: the save took it (the
        // server may have changed some of it, such as the slug), so it is not unsaved text.
        const copyVersion = copy.fields.find(([key]) => key === 'Version')?.[1];
        if ((copy.posted && copyVersion !== versionInput.value) || meaningful(copy.fields) === meaningful([...fields()])) {
            dropCopy();
            return;
        }

        const notice = document.createElement('div');
        notice.className = 'restore-notice';
        notice.setAttribute('role', 'alert');
        const message = document.createElement('p');
        message.textContent = format(text.restorePrompt, new Date(copy.keptAt).toLocaleString(document.documentElement.lang));
        const restore = document.createElement('button');
        restore.type = 'button';
        restore.className = 'button primary';
        restore.textContent = text.restore;
        const discard = document.createElement('button');
        discard.type = 'button';
        discard.className = 'button';
        discard.textContent = text.discard;
        const actions = document.createElement('div');
        actions.className = 'actions';
        actions.append(restore, discard);
        notice.append(message, actions);
        form.before(notice);

        restore.addEventListener('click', () => {
            applyCopy(copy.fields, editor);
            notice.remove();
            changes++;
            setStatus(text.restored);
        });
        discard.addEventListener('click', () => {
            dropCopy();
            notice.remove();
        });
    }

    function applyCopy(pairs, editor) {
        const authorValues = pairs.filter(([key]) => key === 'AuthorIds').map(([, value]) => value);
        form.querySelectorAll('select[name="AuthorIds"]').forEach((select, i) => {
            select.value = authorValues[i] ?? '';
        });
        for (const [key, value] of pairs) {
            if (key === 'AuthorIds' || key === 'Version') {
                continue;
            }

            if (key === 'Body') {
                editor.setContent(value);
                continue;
            }

            const field = form.elements.namedItem(key);
            if (field && 'value' in field) {
                field.value = value;
            }
        }

        updateSapoCount();
        showFeaturedImage();
    }

    // --- Autosave ------------------------------------------------------------------------------
    function changed() {
        if (readOnly) {
            // The copy kept in this browser is what this person typed; a read-only page never replaces it.
            return;
        }

        changes++;
        keepCopy();
        if (!saving) {
            setStatus(text.unsaved);
        }
    }

    // `release`: the page is being left, so the lock goes once the text is in.
    async function autosave({ keepalive = false, release = false } = {}) {
        if (!autosaves || !isDirty() || saving || readOnly) {
            return;
        }

        saving = true;
        const savingChanges = changes;
        setStatus(text.saving);
        const body = new URLSearchParams(fields());
        if (release) {
            body.set('release', 'true');
        }

        try {
            const response = await fetch(config.autosaveUrl, {
                method: 'POST',
                body,
                headers: { RequestVerificationToken: config.antiforgery, Accept: 'application/json' },
                credentials: 'same-origin',
                keepalive,
            });
            const result = await response.json().catch(() => ({}));
            if (response.ok) {
                versionInput.value = result.version;
                savedChanges = savingChanges;
                const slug = form.elements.namedItem('Slug');
                if (slug && document.activeElement !== slug && result.slug) {
                    slug.value = result.slug;
                }

                if (!isDirty()) {
                    dropCopy();
                }

                // Typing went on while it was on its way: that part is not saved yet.
                setStatus(isDirty() ? text.unsaved : result.message ?? format(text.savedAt, ''));
            } else if (result.lockedBy) {
                // Taken over: the server kept what was sent as a revision (revisionUrl) instead of applying it.
                // What was typed while it was on its way is sent once more, to be kept as well.
                becomeReadOnly(changes !== savingChanges ? (await sendToKeep()) ?? result : result);
            } else {
                setStatus(result.error ?? text.offline, true);
            }
        } catch {
            setStatus(text.offline, true);
        } finally {
            saving = false;
            if (sendAfterAutosave !== undefined && !readOnly) {
                const button = sendAfterAutosave;
                sendAfterAutosave = undefined;
                form.requestSubmit(button);
            }
        }
    }

    // --- The edit lock ---------------------------------------------------------------------------
    // While this page is open it holds the lock: a heartbeat when there is nothing to save, otherwise the
    // autosave counts as one. When someone takes the article over, the page turns read-only and what was
    // typed here is sent once more, for the server to keep as a revision (and stays in this browser too).
    async function heartbeat() {
        if (readOnly) {
            return;
        }

        if (isDirty() && autosaves) {
            await autosave();
            return;
        }

        try {
            const response = await fetch(config.heartbeatUrl, {
                method: 'POST',
                headers: { RequestVerificationToken: config.antiforgery, Accept: 'application/json' },
                credentials: 'same-origin',
            });
            const result = await response.json().catch(() => ({}));
            if (result.lockedBy) {
                if (isDirty() && autosaves) {
                    await autosave();
                } else {
                    becomeReadOnly(result);
                }
            }
        } catch {
            // Offline: the next autosave says so; the lock runs out on its own if the page never comes back.
        }
    }

    // After a take-over: the server keeps this as a revision of this person's (and answers where).
    async function sendToKeep() {
        try {
            const response = await fetch(config.autosaveUrl, {
                method: 'POST',
                body: new URLSearchParams(fields()),
                headers: { RequestVerificationToken: config.antiforgery, Accept: 'application/json' },
                credentials: 'same-origin',
            });
            const result = await response.json().catch(() => ({}));
            return result.lockedBy ? result : null;
        } catch {
            return null;
        }
    }

    function releaseLock() {
        const data = new FormData();
        data.append('__RequestVerificationToken', config.antiforgery);
        navigator.sendBeacon(config.releaseUrl, data);
    }

    const lockLost = document.getElementById('lock-lost');
    function becomeReadOnly(result) {
        if (readOnly) {
            return;
        }

        if (isDirty()) {
            keepCopy();
        }

        readOnly = true;
        form.querySelectorAll('input:not([type=hidden]), textarea').forEach(field => { field.readOnly = true; });
        form.querySelectorAll('select, button, input[type=file]').forEach(field => { field.disabled = true; });
        window.tinymce?.get('Body')?.mode.set('readonly');
        const message = document.createElement('p');
        message.textContent = result.error ?? text.readOnly;
        const links = [];
        if (result.revisionUrl) {
            const revision = document.createElement('a');
            revision.href = result.revisionUrl;
            revision.textContent = result.revisionLink;
            links.push(revision);
        }

        const current = document.createElement('a');
        current.href = config.editUrl;
        current.textContent = text.openCurrent;
        links.push(current);
        const actions = document.createElement('p');
        actions.className = 'actions';
        actions.append(...links);
        lockLost.replaceChildren(message, actions);
        lockLost.hidden = false;
        setStatus(text.readOnly, true);
    }

    if (!readOnly) {
        if (autosaves) {
            setInterval(() => autosave(), config.autosaveSeconds * 1000);
        }

        setInterval(() => heartbeat(), config.heartbeatSeconds * 1000);
    }

    document.addEventListener('visibilitychange', () => {
        if (document.visibilityState === 'hidden') {
            autosave({ keepalive: true });
        }
    });
    window.addEventListener('pagehide', () => {
        if (readOnly) {
            return;
        }

        // A sent form keeps the lock: the page it leads to is this editor again (or the article has gone to the editors).
        if (isDirty() && autosaves) {
            autosave({ keepalive: true, release: !leaving });
        } else if (!leaving) {
            releaseLock();
        }
    });
    // Back from the browser's page cache: the lock was let go when the page was left.
    window.addEventListener('pageshow', event => {
        if (event.persisted) {
            heartbeat();
        }
    });
    window.addEventListener('beforeunload', event => {
        if (isDirty() && !leaving) {
            event.preventDefault();
        }
    });
    form.addEventListener('submit', event => {
        if (readOnly) {
            event.preventDefault();
            return;
        }

        if (saving) {
            // Sent now, the form would carry the version the autosave is replacing and come back as
            // "someone else saved": wait for the autosave and send it with the new version.
            event.preventDefault();
            sendAfterAutosave = event.submitter ?? null;
            return;
        }

        leaving = true;
        keepCopy(true);
    });
    form.addEventListener('input', event => {
        if (event.target.type !== 'file') {
            changed();
        }
    });
    form.addEventListener('change', event => {
        if (event.target.tagName === 'SELECT') {
            changed();
        }
    });

    const preview = document.getElementById('preview-link');
    preview?.addEventListener('click', async event => {
        if (!isDirty()) {
            return;
        }

        event.preventDefault();
        const tab = window.open('about:blank', '_blank');
        await autosave();
        if (tab) {
            tab.location.href = preview.href;
        }
    });

    // --- Sapo counter --------------------------------------------------------------------------
    const sapo = form.elements.namedItem('Sapo');
    const sapoCount = document.getElementById('sapo-count');
    function updateSapoCount() {
        const value = sapo.value.trim();
        const words = value.length === 0 ? 0 : (value.match(/[\p{L}\p{N}]+(?:[-'’][\p{L}\p{N}]+)*/gu) ?? []).length;
        sapoCount.textContent = format(text.words, words, value.length);
    }

    sapo.addEventListener('input', updateSapoCount);
    updateSapoCount();

    // --- Tag suggestions -------------------------------------------------------------------------
    const tags = form.elements.namedItem('Tags');
    const suggestions = document.getElementById('tag-suggestions');
    let suggestTimer;
    tags.addEventListener('input', () => {
        clearTimeout(suggestTimer);
        suggestTimer = setTimeout(async () => {
            const comma = tags.value.lastIndexOf(',');
            const prefix = comma >= 0 ? tags.value.slice(0, comma + 1) + ' ' : '';
            const term = tags.value.slice(comma + 1).trim();
            if (term.length === 0) {
                suggestions.replaceChildren();
                return;
            }

            try {
                const response = await fetch(`${config.suggestUrl}?q=${encodeURIComponent(term)}`, { credentials: 'same-origin' });
                const names = response.ok ? await response.json() : [];
                suggestions.replaceChildren(...names.map(name => {
                    const option = document.createElement('option');
                    option.value = prefix + name;
                    return option;
                }));
            } catch {
                // Suggestions are a convenience; typing a new tag still works.
            }
        }, 200);
    });

    // --- Photos --------------------------------------------------------------------------------
    async function upload(file) {
        const data = new FormData();
        data.append('file', file, file.name || 'photo');
        const response = await fetch(config.uploadUrl, {
            method: 'POST',
            body: data,
            headers: { RequestVerificationToken: config.antiforgery, Accept: 'application/json' },
            credentials: 'same-origin',
        });
        const result = await response.json().catch(() => ({}));
        if (!response.ok) {
            throw new Error(result.error ?? response.statusText);
        }

        return result;
    }

    const featuredId = form.elements.namedItem('FeaturedImageId');
    const featuredPreview = document.getElementById('featured-preview');
    const featuredError = document.getElementById('featured-error');
    const featuredFile = document.getElementById('featured-file');
    const featuredBox = document.getElementById('featured-image');

    function removeFeaturedImage() {
        featuredId.value = '';
        featuredPreview.replaceChildren();
        changed();
    }

    function showFeaturedImage(result) {
        if (result) {
            const img = document.createElement('img');
            img.src = result.location;
            img.width = result.width;
            img.height = result.height;
            img.alt = form.elements.namedItem('FeaturedImageAlt').value;
            const remove = document.createElement('button');
            remove.type = 'button';
            remove.className = 'link-button';
            remove.textContent = text.removeImage;
            remove.addEventListener('click', removeFeaturedImage);
            featuredPreview.replaceChildren(img, remove);
        }
    }

    async function useFeaturedFile(file) {
        featuredError.textContent = text.uploading;
        try {
            const result = await upload(file);
            featuredId.value = result.id;
            showFeaturedImage(result);
            featuredError.textContent = '';
            changed();
        } catch (error) {
            featuredError.textContent = format(text.uploadFailed, error.message);
        } finally {
            featuredFile.value = '';
        }
    }

    featuredPreview.querySelector('[data-remove-image]')?.addEventListener('click', removeFeaturedImage);
    // Read-only pages have no photo chooser; a page that turns read-only ignores what is dropped on it.
    featuredFile?.addEventListener('change', () => {
        if (featuredFile.files.length > 0) {
            useFeaturedFile(featuredFile.files[0]);
        }
    });
    featuredBox.addEventListener('dragover', event => {
        event.preventDefault();
        if (!readOnly) {
            featuredBox.classList.add('drop-target');
        }
    });
    featuredBox.addEventListener('dragleave', () => featuredBox.classList.remove('drop-target'));
    featuredBox.addEventListener('drop', event => {
        event.preventDefault();
        featuredBox.classList.remove('drop-target');
        const file = event.dataTransfer?.files?.[0];
        if (file && !readOnly && featuredFile) {
            useFeaturedFile(file);
        }
    });

    // --- TinyMCE -------------------------------------------------------------------------------
    if (!window.tinymce) {
        if (!readOnly) {
            offerCopy({ setContent: html => { form.elements.namedItem('Body').value = html; } });
        }

        return;
    }

    const vietnamese = config.language === 'vi';
    window.tinymce.init({
        selector: '#Body',
        license_key: config.licenseKey,
        readonly: readOnly,
        language: vietnamese ? 'vi' : 'en',
        language_url: vietnamese ? '/lib/tinymce/langs/vi.js' : undefined,
        plugins: 'lists advlist link autolink image media table fullscreen wordcount searchreplace charmap code',
        toolbar: 'undo redo | blocks | bold italic | bullist numlist blockquote | link image media table | charmap searchreplace | wordcount fullscreen code',
        block_formats: 'Paragraph=p; Heading 2=h2; Heading 3=h3; Heading 4=h4; Blockquote=blockquote',
        menubar: false,
        branding: false,
        promotion: false,
        height: 640,
        iframe_attrs: { title: text.bodyFrameTitle },
        relative_urls: false,
        convert_urls: true,
        image_caption: true,
        image_advtab: false,
        automatic_uploads: true,
        images_file_types: 'jpeg,jpg,png,webp,gif',
        images_upload_handler: blobInfo => upload(blobInfo.blob()).then(result => result.location),
        paste_data_images: true,
        paste_webkit_styles: 'none',
        invalid_styles: { '*': 'font-family font-size color background background-color line-height margin padding position display' },
        media_live_embeds: false,
        // Vietnamese letters stay letters in the stored HTML (not &ecirc; entities), so search and diffs see them.
        entity_encoding: 'raw',
        setup: editor => {
            editor.on('input change undo redo', changed);
        },
        // Read-only, the page only shows the article: a copy kept here waits until this person may edit again.
        init_instance_callback: editor => {
            if (!readOnly) {
                offerCopy(editor);
            }
        },
    });
})();
