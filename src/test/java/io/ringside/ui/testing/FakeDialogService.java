package io.ringside.ui.testing;

import io.ringside.ui.util.DialogService;
import java.util.ArrayList;
import java.util.List;

/** Answers confirmations as told and remembers what was asked. */
public final class FakeDialogService implements DialogService {

    private final List<String> asked = new ArrayList<>();
    private boolean answer;

    public FakeDialogService answering(boolean confirm) {
        this.answer = confirm;
        return this;
    }

    @Override
    public boolean confirm(String title, String message, String confirmLabel) {
        asked.add(title + ": " + message);
        return answer;
    }

    public List<String> asked() {
        return asked;
    }
}
