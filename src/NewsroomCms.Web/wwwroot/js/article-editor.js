// The article editor: TinyMCE, autosave, a copy of unsaved text kept in this browser, photo uploads,
// tag suggestions and the sapo counter. Everything the server needs still works without this script
// (the form posts normally); the script makes sure nothing typed is ever lost.
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
        changes++;
        keepCopy();
        if (!saving) {
            setStatus(text.unsaved);
        }
    }

    async function autosave({ keepalive = false } = {}) {
        // No address for a published article: it changes for readers only when the editor presses Update.
        if (!config.autosaveUrl || !isDirty() || saving) {
            return;
        }

        saving = true;
        const savingChanges = changes;
        setStatus(text.saving);
        try {
            const response = await fetch(config.autosaveUrl, {
                method: 'POST',
                body: new URLSearchParams(fields()),
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

                setStatus(result.message ?? format(text.savedAt, ''));
            } else {
                setStatus(result.error ?? text.offline, true);
            }
        } catch {
            setStatus(text.offline, true);
        } finally {
            saving = false;
            if (sendAfterAutosave !== undefined) {
                const button = sendAfterAutosave;
                sendAfterAutosave = undefined;
                form.requestSubmit(button);
            }
        }
    }

    if (config.autosaveUrl) {
        setInterval(() => autosave(), config.autosaveSeconds * 1000);
    }

    document.addEventListener('visibilitychange', () => {
        if (document.visibilityState === 'hidden') {
            autosave({ keepalive: true });
        }
    });
    window.addEventListener('pagehide', () => autosave({ keepalive: true }));
    window.addEventListener('beforeunload', event => {
        if (isDirty() && !leaving) {
            event.preventDefault();
        }
    });
    form.addEventListener('submit', event => {
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
    featuredFile.addEventListener('change', () => {
        if (featuredFile.files.length > 0) {
            useFeaturedFile(featuredFile.files[0]);
        }
    });
    featuredBox.addEventListener('dragover', event => {
        event.preventDefault();
        featuredBox.classList.add('drop-target');
    });
    featuredBox.addEventListener('dragleave', () => featuredBox.classList.remove('drop-target'));
    featuredBox.addEventListener('drop', event => {
        event.preventDefault();
        featuredBox.classList.remove('drop-target');
        const file = event.dataTransfer?.files?.[0];
        if (file) {
            useFeaturedFile(file);
        }
    });

    // --- TinyMCE -------------------------------------------------------------------------------
    if (!window.tinymce) {
        offerCopy({ setContent: html => { form.elements.namedItem('Body').value = html; } });
        return;
    }

    const vietnamese = config.language === 'vi';
    window.tinymce.init({
        selector: '#Body',
        license_key: config.licenseKey,
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
        init_instance_callback: editor => offerCopy(editor),
    });
})();
